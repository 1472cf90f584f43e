// The planned accounts, one row each, with a filter (needs approval, with
// warnings, blocked) and a search. What a filter shows is fixed when it is
// chosen: a row does not vanish under the operator's fingers the moment its
// typed name starts to match.
import { makeStyles, SearchBox, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { useCallback, useMemo, useState } from 'react';
import type { PlanDto } from '../../../preload/contract';
import { formatCount } from '../../lib/format';
import { usePlanStore } from '../../state/plan-store';
import { entryFilterLabels, entryMatches, type EntryFilter } from './plan-view';
import { PLAN_ROW_HEIGHT, PlanEntryRow } from './PlanEntryRow';
import { SectionHeading } from './SectionHeading';
import { VirtualList } from './VirtualList';

const filters = Object.keys(entryFilterLabels) as EntryFilter[];

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  filters: { display: 'flex', gap: tokens.spacingHorizontalXS },
  search: { width: '260px' },
  shown: { marginLeft: 'auto', color: tokens.colorNeutralForeground2 },
});

export function PlanEntries({ plan }: { plan: PlanDto }) {
  const styles = useStyles();
  const [filter, setFilter] = useState<EntryFilter>('all');
  const [search, setSearch] = useState('');
  const names = useMemo(() => new Map(plan.directories.map((d) => [d.id, d.displayName])), [plan]);
  const visible = useMemo(
    // The draft is read once per filter or search change, on purpose (see above).
    () => plan.entries.filter((entry) => entryMatches(entry, filter, search, usePlanStore.getState().draft)),
    [plan, filter, search],
  );
  const rowKey = useCallback((index: number) => visible[index]?.key ?? String(index), [visible]);
  const renderRow = useCallback(
    (index: number) => {
      const entry = visible[index];
      return entry ? <PlanEntryRow entry={entry} directoryName={names.get(entry.account.directoryId) ?? entry.account.directoryId} /> : null;
    },
    [visible, names],
  );

  return (
    <section className={styles.section} aria-labelledby="plan-accounts">
      <SectionHeading id="plan-accounts" count={plan.entries.length} noun="account">
        Accounts in the plan
      </SectionHeading>
      <div className={styles.bar}>
        <div className={styles.filters} role="group" aria-label="Show">
          {filters.map((value) => (
            <ToggleButton key={value} size="small" checked={filter === value} onClick={() => setFilter(value)}>
              {entryFilterLabels[value]}
            </ToggleButton>
          ))}
        </div>
        <SearchBox
          className={styles.search}
          size="small"
          placeholder="Search login, host or name"
          aria-label="Search the planned accounts"
          value={search}
          onChange={(_event, data) => setSearch(data.value)}
        />
        <Text size={200} className={styles.shown} aria-live="polite">
          {visible.length === plan.entries.length ? `${formatCount(visible.length)} shown` : `${formatCount(visible.length)} of ${formatCount(plan.entries.length)} shown`}
        </Text>
      </div>
      <VirtualList
        label="Planned accounts"
        count={visible.length}
        rowHeight={PLAN_ROW_HEIGHT}
        maxHeight={480}
        rowKey={rowKey}
        renderRow={renderRow}
        empty={<Text>No planned account matches this filter and search.</Text>}
      />
    </section>
  );
}
