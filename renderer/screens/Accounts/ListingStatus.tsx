// Where the listing of each directory stands: listing (with a spinner),
// listed (with its count) or failed. Announced politely as it changes.
import { makeStyles, ProgressBar, Spinner, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, ErrorCircleRegular } from '@fluentui/react-icons';
import { formatCount, plural } from '../../lib/format';
import { useAccountsStore } from '../../state/accounts-store';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { display: 'flex', flexWrap: 'wrap', gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalL}`, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  ok: { color: tokens.colorPaletteGreenForeground1, fontSize: '16px' },
  failed: { color: tokens.colorPaletteRedForeground1, fontSize: '16px' },
  name: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  progress: { maxWidth: '480px' },
});

export function ListingStatus() {
  const styles = useStyles();
  const progress = useAccountsStore((state) => state.progress);
  const phase = useAccountsStore((state) => state.phase);
  const refreshing = useAccountsStore((state) => state.refreshing);
  const loading = phase === 'loading';
  const summary = loading
    ? refreshing
      ? `Listing every directory again… ${formatCount(progress.received)} of ${plural(progress.total, 'account')} read so far.`
      : `Reading accounts… ${formatCount(progress.received)} of ${plural(progress.total, 'account')} so far.`
    : phase === 'loaded'
      ? `${plural(progress.received, 'account')} listed.`
      : '';

  return (
    <div className={styles.wrap}>
      <ul className={styles.list} aria-label="Directories">
        {progress.directories.map((directory) => (
          <li key={directory.directoryId} className={styles.item}>
            {directory.state === 'listing' && <Spinner size="extra-tiny" aria-hidden />}
            {directory.state === 'listed' && <CheckmarkCircleRegular className={styles.ok} aria-hidden />}
            {directory.state === 'failed' && <ErrorCircleRegular className={styles.failed} aria-hidden />}
            <Text size={200}>
              <span className={styles.name}>{directory.displayName}</span>{' '}
              {directory.state === 'listing'
                ? `listing… ${formatCount(directory.accounts)} so far`
                : directory.state === 'listed'
                  ? plural(directory.accounts, 'account')
                  : 'could not be listed'}
            </Text>
          </li>
        ))}
      </ul>
      <Text size={200} role="status" aria-live="polite">
        {summary}
      </Text>
      {loading && progress.total > 0 && (
        <ProgressBar className={styles.progress} thickness="medium" value={progress.received / Math.max(progress.total, 1)} aria-label="Accounts read" />
      )}
    </div>
  );
}
