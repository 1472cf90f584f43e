// What an approval rule matches among the listed accounts: "Matches 12 of 300
// listed accounts", with a sample so the operator can judge the rule.
import { makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { formatCount, plural } from '../../../lib/format';
import type { RulePreviewState } from './rule-preview';

const useStyles = makeStyles({
  wrap: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  headline: { fontWeight: tokens.fontWeightSemibold },
  sample: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(340px, 1fr))', columnGap: tokens.spacingHorizontalL },
  item: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: 0 },
  login: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, overflowWrap: 'anywhere' },
  name: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
  meta: { color: tokens.colorNeutralForeground2 },
});

export function RulePreviewResult({ preview, stale }: { preview: RulePreviewState; stale: boolean }) {
  const styles = useStyles();
  if (preview.kind === 'idle') return null;
  if (preview.kind === 'loading') return <Spinner size="extra-tiny" labelPosition="after" label="Matching the rule against the listed accounts…" />;
  if (preview.kind === 'failed') {
    return (
      <MessageBar intent="error">
        <MessageBarBody>{preview.message}</MessageBarBody>
      </MessageBar>
    );
  }
  const { matches, of, sample } = preview.result;
  return (
    <div className={styles.wrap}>
      <Text className={styles.headline}>
        {of === 0 ? 'No accounts are listed yet, so there is nothing to match.' : `Matches ${formatCount(matches)} of ${plural(of, 'listed account')}.`}
        {stale ? ' The rule has changed since: preview again.' : ''}
      </Text>
      {of === 0 && <Text size={200}>Open Accounts to list the connected directories, then preview again.</Text>}
      {sample.length > 0 && (
        <>
          <Text size={200} className={styles.meta}>
            {sample.length < matches ? `For example (${sample.length} of ${formatCount(matches)}):` : 'All of them:'}
          </Text>
          <ul className={styles.sample} aria-label="Accounts the rule matches">
            {sample.map((account) => (
              <li key={`${account.directoryId}|${account.id}`} className={styles.item}>
                <span className={styles.login}>{account.login}</span>
                <Text size={200} className={styles.name}>
                  {account.displayName}
                </Text>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
