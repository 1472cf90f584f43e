// Progress per directory: each paces itself (Graph, Okta and WinRM have their
// own limits), so one can be done while another is still going.
import { makeStyles, ProgressBar, Text, tokens } from '@fluentui/react-components';
import { formatCount, plural } from '../../lib/format';
import { useRunStore } from '../../state/run-store';
import { runTotals } from './run-model';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))', gap: tokens.spacingHorizontalL },
  item: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  line: { display: 'flex', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2, whiteSpace: 'nowrap' },
});

export function DirectoryProgress() {
  const styles = useStyles();
  const byDirectory = useRunStore((state) => state.model?.byDirectory);
  const names = useRunStore((state) => state.model?.directoryNames);
  if (!byDirectory || !names) return null;
  const directories = Object.entries(byDirectory)
    .map(([id, counts]) => ({ id, name: names[id] ?? id, totals: runTotals(counts) }))
    .filter((directory) => directory.totals.total > 0)
    .sort((a, b) => a.name.localeCompare(b.name));
  if (directories.length === 0) return null;
  return (
    <ul className={styles.list} aria-label="Progress per directory">
      {directories.map(({ id, name, totals }) => {
        const words = `${formatCount(totals.finished)} of ${plural(totals.total, 'account')}${totals.failed > 0 ? `, ${formatCount(totals.failed)} failed` : ''}`;
        return (
          <li key={id} className={styles.item}>
            <div className={styles.line}>
              <Text size={200} className={styles.name}>
                {name}
              </Text>
              <Text size={200} className={styles.muted}>
                {words}
              </Text>
            </div>
            <ProgressBar value={totals.finished / totals.total} color={totals.failed > 0 ? 'warning' : 'brand'} aria-label={`${name}: ${words}`} />
          </li>
        );
      })}
    </ul>
  );
}
