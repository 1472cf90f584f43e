// The live per-account rows of a run, with a status filter and a search.
import { makeStyles, SearchBox, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { formatCount } from '../../lib/format';
import { useRunStore } from '../../state/run-store';
import { runRowFilterLabels, visibleRunRows, type RunRowFilter } from './run-model';
import { EVIDENCE_HINT_ID, RUN_ROW_HEIGHT, RunRowItem } from './RunRowItem';
import { VirtualList } from './VirtualList';

const filters = Object.keys(runRowFilterLabels) as RunRowFilter[];
const noKeys: string[] = [];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  filters: { display: 'flex', gap: tokens.spacingHorizontalXS },
  search: { width: '240px' },
  shown: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export function RunRows({ onOpen }: { onOpen: (key: string) => void }) {
  const styles = useStyles();
  const [filter, setFilter] = useState<RunRowFilter>('all');
  const [search, setSearch] = useState('');
  // Only the list of keys is subscribed here; each row follows its own data.
  // (useShallow: a filtered list is a new array each time; unchanged contents must not re-render.)
  const keys = useRunStore(useShallow((state) => (state.model ? visibleRunRows(state.model, filter, search) : noKeys)));
  const total = useRunStore((state) => state.model?.order.length ?? 0);
  const rowKey = useCallback((index: number) => keys[index] ?? String(index), [keys]);
  const renderRow = useCallback(
    (index: number) => {
      const key = keys[index];
      return key ? <RunRowItem rowKey={key} onOpen={onOpen} /> : null;
    },
    [keys, onOpen],
  );

  return (
    <section className={styles.section} aria-label="Accounts in the run">
      <div className={styles.bar}>
        <div className={styles.filters} role="group" aria-label="Show">
          {filters.map((value) => (
            <ToggleButton key={value} size="small" checked={filter === value} onClick={() => setFilter(value)}>
              {runRowFilterLabels[value]}
            </ToggleButton>
          ))}
        </div>
        <SearchBox className={styles.search} size="small" placeholder="Search login or name" aria-label="Search the accounts in the run" value={search} onChange={(_event, data) => setSearch(data.value)} />
        <Text size={200} className={styles.shown}>
          {keys.length === total ? `${formatCount(total)} accounts` : `${formatCount(keys.length)} of ${formatCount(total)} shown`}
        </Text>
      </div>
      <span id={EVIDENCE_HINT_ID} className={styles.hidden}>
        Opens the steps, evidence and verification of this account.
      </span>
      <VirtualList
        label="Accounts in the run"
        count={keys.length}
        rowHeight={RUN_ROW_HEIGHT}
        maxHeight={520}
        rowKey={rowKey}
        renderRow={renderRow}
        empty={<Text>No account in the run matches this filter and search.</Text>}
      />
    </section>
  );
}
