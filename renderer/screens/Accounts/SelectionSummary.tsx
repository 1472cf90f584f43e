// "12,345 of 50,000 accounts · 200 selected", and how many selected accounts
// the filters hide, so nothing selected is ever out of sight without saying so.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import { countSelectedIn } from '../../components/grid/selection-model';
import { formatCount, plural } from '../../lib/format';
import { useAccountsStore } from '../../state/accounts-store';
import { useSelectionStore } from '../../state/selection-store';

const useStyles = makeStyles({ text: { color: tokens.colorNeutralForeground2 }, strong: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold } });

export function SelectionSummary() {
  const styles = useStyles();
  const table = useAccountsStore((state) => state.table);
  const view = useAccountsStore((state) => state.view);
  const total = useAccountsStore((state) => state.table.size);
  useAccountsStore((state) => state.dataVersion);
  const keys = useSelectionStore((state) => state.keys);
  const shownSelected = useMemo(() => countSelectedIn({ length: view.length, keyAt: (position) => table.keys[view[position] ?? -1] ?? '' }, keys), [table, view, keys]);
  const hidden = keys.size - shownSelected;
  return (
    <Text role="status" aria-live="polite" size={300} className={styles.text}>
      <span className={styles.strong}>{formatCount(view.length)}</span> of {plural(total, 'account')} ·{' '}
      <span className={styles.strong}>{formatCount(keys.size)}</span> selected
      {hidden > 0 && ` (${formatCount(hidden)} not shown by the current search and filters)`}
    </Text>
  );
}
