// The accounts grid: the VirtualGrid over the store's current view, with
// selection gestures applied to the selection store. Rows read their selected
// state through a selector, so a selection change repaints only rows whose
// state changed.
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { GridColumn } from '../../components/grid/grid-layout';
import { applySelectionGesture, type RangeAnchor, type SelectableList } from '../../components/grid/selection-model';
import { VirtualGrid, type GridSelection } from '../../components/grid/VirtualGrid';
import { useAccountsStore } from '../../state/accounts-store';
import { useSelectionStore } from '../../state/selection-store';
import { AccountCell } from './AccountCell';
import { accountColumns } from './account-columns';
import { isSortColumn, nextSort } from './model/sort';

const useStyles = makeStyles({
  empty: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

/** A hook rows call with their key: true while the account is selected. */
function useAccountSelected(key: string): boolean {
  return useSelectionStore((state) => state.keys.has(key));
}

export const ACCOUNTS_GRID_ID = 'accounts-grid';

export function AccountsGrid({ height }: { height: number }) {
  const styles = useStyles();
  const table = useAccountsStore((state) => state.table);
  const view = useAccountsStore((state) => state.view);
  const dataVersion = useAccountsStore((state) => state.dataVersion);
  const sort = useAccountsStore((state) => state.sort);
  const filter = useAccountsStore((state) => state.filter);
  const setSort = useAccountsStore((state) => state.setSort);
  const clearFilters = useAccountsStore((state) => state.clearFilters);

  const rowKey = useCallback((position: number) => table.keys[view[position] ?? -1] ?? `missing-${position}`, [table, view]);

  const renderCell = useCallback(
    (position: number, column: GridColumn) => {
      const row = view[position];
      const account = row === undefined ? undefined : table.accounts[row];
      if (!account || !isSortColumn(column.id)) return null;
      return <AccountCell account={account} column={column.id} directoryName={table.directoryName(account.directoryId)} />;
    },
    // dataVersion: rows are replaced in place when a page re-lists an account.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [table, view, dataVersion],
  );

  // Gestures read the latest view through a ref, so the selection object (and every row) stays stable.
  const list = useRef<SelectableList>({ length: 0, keyAt: () => '' });
  useLayoutEffect(() => {
    list.current = { length: view.length, keyAt: (position) => table.keys[view[position] ?? -1] ?? '' };
  }, [table, view]);
  const anchor = useRef<RangeAnchor | null>(null);

  const selection = useMemo<GridSelection>(
    () => ({
      useSelected: useAccountSelected,
      onGesture: (gesture) => {
        const store = useSelectionStore.getState();
        const result = applySelectionGesture(store.keys, anchor.current, gesture, list.current);
        anchor.current = result.anchor;
        if (result.selected !== store.keys) store.setKeys(result.selected);
      },
    }),
    [],
  );

  const gridSort = sort ? { columnId: sort.column, direction: sort.direction } : null;
  const resetKey = `${JSON.stringify(filter)}|${sort?.column ?? ''}|${sort?.direction ?? ''}`;

  return (
    <VirtualGrid
      id={ACCOUNTS_GRID_ID}
      label="Accounts"
      columns={accountColumns}
      rowCount={view.length}
      rowKey={rowKey}
      renderCell={renderCell}
      height={height}
      sort={gridSort}
      onSort={(columnId) => {
        if (isSortColumn(columnId)) setSort(nextSort(sort, columnId));
      }}
      selection={selection}
      resetKey={resetKey}
      empty={
        <div className={styles.empty}>
          <span>No account matches the search and filters.</span>
          <Button size="small" onClick={clearFilters}>
            Clear search and filters
          </Button>
        </div>
      }
    />
  );
}
