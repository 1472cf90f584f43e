// What to do with the list: select everything matching, clear, import a CSV,
// look at exclusions, and move on to the plan.
import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowRightRegular, ShieldDismissRegular } from '@fluentui/react-icons';
import { useAccountsStore } from '../../state/accounts-store';
import { useSelectionStore } from '../../state/selection-store';
import { useConsoleStore } from '../../state/store';
import { CsvImport } from './CsvImport';
import { SelectionSummary } from './SelectionSummary';

const useStyles = makeStyles({
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function SelectionActions({ onOpenExclusions }: { onOpenExclusions: () => void }) {
  const styles = useStyles();
  const matching = useAccountsStore((state) => state.view.length);
  const selected = useSelectionStore((state) => state.keys.size);
  const setsChosen = useSelectionStore((state) => state.exclusionSets.length);
  const showScreen = useConsoleStore((state) => state.showScreen);

  const selectAllMatching = () => {
    const { table, view } = useAccountsStore.getState();
    const keys: string[] = new Array<string>(view.length);
    for (let position = 0; position < view.length; position++) keys[position] = table.keys[view[position] ?? -1] ?? '';
    useSelectionStore.getState().add(keys);
  };

  return (
    <div className={styles.bar}>
      <div className={styles.group}>
        <SelectionSummary />
        <Tooltip content="Adds every account the search and filters show (Ctrl+A in the grid)" relationship="description">
          <Button size="small" disabled={matching === 0} onClick={selectAllMatching}>
            Select all matching
          </Button>
        </Tooltip>
        <Button size="small" disabled={selected === 0} onClick={() => useSelectionStore.getState().clear()}>
          Clear selection
        </Button>
      </div>
      <div className={styles.group}>
        <CsvImport />
        <Button icon={<ShieldDismissRegular />} onClick={onOpenExclusions}>
          Exclusions ({setsChosen} {setsChosen === 1 ? 'set' : 'sets'})
        </Button>
        <Button appearance="primary" icon={<ArrowRightRegular />} iconPosition="after" disabled={selected === 0} onClick={() => showScreen('review')}>
          Review plan
        </Button>
      </div>
    </div>
  );
}
