// How many rows are in each status, as the same chips the rows use.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatCount } from '../../lib/format';
import { useRunStore } from '../../state/run-store';
import { rowStatuses } from './run-model';
import { StatusChip } from './StatusChip';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

export function RunCounts() {
  const styles = useStyles();
  const counts = useRunStore((state) => state.model?.counts);
  if (!counts) return null;
  return (
    <ul className={styles.list} aria-label="Accounts by status">
      {rowStatuses
        .filter((status) => counts[status] > 0)
        .map((status) => (
          <li key={status} className={styles.item}>
            <StatusChip status={status} />
            <Text weight="semibold">{formatCount(counts[status])}</Text>
          </li>
        ))}
    </ul>
  );
}
