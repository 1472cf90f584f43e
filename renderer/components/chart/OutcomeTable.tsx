// The chart's numbers as a table: one row per run, one column per state that
// occurs. The accessible (and copyable) form of the same data.
import { makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { formatCount } from '../../lib/format';
import type { StackedSeries } from './chart-geometry';
import { outcomeLabels, type OutcomeState } from './outcome-states';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto' },
  number: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

export function OutcomeTable({ series, states, caption }: { series: readonly StackedSeries<OutcomeState>[]; states: readonly OutcomeState[]; caption: string }) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Table size="extra-small" aria-label={caption}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Run</TableHeaderCell>
            {states.map((state) => (
              <TableHeaderCell key={state} className={styles.number}>
                {outcomeLabels[state]}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {series.map((run) => (
            <TableRow key={run.id}>
              <TableCell>{run.label}</TableCell>
              {states.map((state) => (
                <TableCell key={state} className={styles.number}>
                  {formatCount(run.counts[state] ?? 0)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
