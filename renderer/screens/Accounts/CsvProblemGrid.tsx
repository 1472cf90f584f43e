// Every problem row of a CSV import, in file order, virtualised: a file with
// a hundred thousand bad lines still opens at once, and none is left out.
import { useCallback } from 'react';
import type { GridColumn } from '../../components/grid/grid-layout';
import { VirtualGrid } from '../../components/grid/VirtualGrid';
import type { CsvProblemRow } from './model/csv-report';

const columns: readonly GridColumn[] = [
  { id: 'line', title: 'Line', width: 64 },
  { id: 'reason', title: 'Problem', width: 170 },
  { id: 'message', title: 'Message', width: 320, grow: 1 },
];

export function CsvProblemGrid({ problems }: { problems: readonly CsvProblemRow[] }) {
  const rowKey = useCallback((position: number) => String(position), []);
  const renderCell = useCallback(
    (position: number, column: GridColumn) => {
      const problem = problems[position];
      if (!problem) return null;
      switch (column.id) {
        case 'line':
          return problem.line === null ? 'File' : String(problem.line);
        case 'reason':
          return problem.reasonLabel;
        default:
          return <span title={problem.message}>{problem.message}</span>;
      }
    },
    [problems],
  );
  const height = Math.min(320, 34 + problems.length * 32);
  return <VirtualGrid label="Rows with a problem" columns={columns} rowCount={problems.length} rowKey={rowKey} renderCell={renderCell} height={height} />;
}
