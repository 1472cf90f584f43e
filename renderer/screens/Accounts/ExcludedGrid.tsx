// Every excluded account with the set and rule that matched and the reason,
// virtualised so a rule that keeps out thousands of accounts lists them all.
import { useCallback } from 'react';
import type { GridColumn } from '../../components/grid/grid-layout';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import { ruleTypeLabel, type ExcludedRow } from './model/exclusions-view';

// The reason is what the operator reads: it gets the room. The set and rule share one column.
const columns: readonly GridColumn[] = [
  { id: 'login', title: 'Account', width: 170, grow: 1 },
  { id: 'rule', title: 'Set › rule', width: 210 },
  { id: 'reason', title: 'Reason', width: 320, grow: 3 },
];

export function ExcludedGrid({ rows, height }: { rows: readonly ExcludedRow[]; height: number }) {
  const rowKey = useCallback((position: number) => rows[position]?.key ?? String(position), [rows]);
  const renderCell = useCallback(
    (position: number, column: GridColumn) => {
      const row = rows[position];
      if (!row) return null;
      switch (column.id) {
        case 'login':
          return <span title={`${row.account} (${row.displayName})`}>{row.account}</span>;
        case 'rule':
          return <span title={`${row.setName} › ${row.ruleId} (${ruleTypeLabel(row.ruleType)})`}>{`${row.setName} › ${row.ruleId}`}</span>;
        default:
          return <span title={row.reason}>{row.reason}</span>;
      }
    },
    [rows],
  );
  return <VirtualGrid label="Excluded accounts" columns={columns} rowCount={rows.length} rowKey={rowKey} renderCell={renderCell} height={height} />;
}
