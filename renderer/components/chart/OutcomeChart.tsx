// Outcomes per run as stacked columns (oldest on the left), drawn as inline
// SVG with theme tokens and fill patterns. Screen readers get one summarising
// sentence; "Show as table" gives everyone the exact numbers.
import { makeStyles, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { TableRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import { chartSummary, layoutStackedColumns, type StackedSeries } from './chart-geometry';
import { OutcomeLegend } from './OutcomeLegend';
import { outcomeLabels, outcomeOrder, outcomeStyle, type OutcomeState } from './outcome-states';
import { OutcomeTable } from './OutcomeTable';
import { PatternDefs, patternId } from './PatternDefs';

/** Leave this much width per axis label, or label only every n-th column. */
const LABEL_WIDTH = 84;

const useStyles = makeStyles({
  figure: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, justifyContent: 'space-between', flexWrap: 'wrap' },
  svg: { width: '100%', height: 'auto', display: 'block' },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke3, strokeWidth: 1 },
  tick: { fill: tokens.colorNeutralForeground3, fontSize: '11px', fontFamily: tokens.fontFamilyBase },
  label: { fill: tokens.colorNeutralForeground2, fontSize: '11px', fontFamily: tokens.fontFamilyBase },
  separator: { stroke: tokens.colorNeutralBackground1, strokeWidth: 1 },
});

export function OutcomeChart({ series, caption }: { series: readonly StackedSeries<OutcomeState>[]; caption: string }) {
  const styles = useStyles();
  const prefix = useId().replace(/:/g, '');
  const [asTable, setAsTable] = useState(false);
  const layout = useMemo(() => layoutStackedColumns(series, outcomeOrder), [series]);
  const summary = useMemo(() => chartSummary(series, outcomeOrder, outcomeLabels), [series]);
  const totals = useMemo(
    () =>
      outcomeOrder
        .map((state) => ({ state, count: series.reduce((sum, run) => sum + (run.counts[state] ?? 0), 0) }))
        .filter((total) => total.count > 0),
    [series],
  );
  const slot = layout.columns.length > 0 ? (layout.plot.right - layout.plot.left) / layout.columns.length : LABEL_WIDTH;
  const labelEvery = Math.max(1, Math.ceil(LABEL_WIDTH / slot));

  return (
    <figure className={styles.figure}>
      <div className={styles.bar}>
        <Text as="h3" weight="semibold" size={300}>
          {caption}
        </Text>
        <ToggleButton size="small" icon={<TableRegular />} checked={asTable} onClick={() => setAsTable(!asTable)}>
          {asTable ? 'Show as chart' : 'Show as table'}
        </ToggleButton>
      </div>
      {asTable ? (
        <OutcomeTable series={series} states={totals.map((total) => total.state)} caption={caption} />
      ) : (
        <>
          <svg className={styles.svg} viewBox={`0 0 ${layout.width} ${layout.height}`} role="img" aria-label={summary} focusable="false">
            <PatternDefs prefix={prefix} />
            {layout.ticks.map((tick) => (
              <g key={tick.value}>
                <line className={tick.value === 0 ? styles.axis : styles.grid} x1={layout.plot.left} x2={layout.plot.right} y1={tick.y} y2={tick.y} />
                <text className={styles.tick} x={layout.plot.left - 6} y={tick.y} textAnchor="end" dominantBaseline="middle">
                  {tick.value}
                </text>
              </g>
            ))}
            {layout.columns.map((column, index) => (
              <g key={column.id}>
                <title>{`${column.label}: ${column.segments.map((s) => `${s.count} ${outcomeLabels[s.state].toLowerCase()}`).join(', ') || 'no accounts'}`}</title>
                {column.segments.map((segment) => {
                  const { fill, pattern } = outcomeStyle[segment.state];
                  return (
                    <g key={segment.state}>
                      <rect x={segment.x} y={segment.y} width={segment.width} height={segment.height} style={{ fill }} />
                      {pattern !== 'solid' && <rect x={segment.x} y={segment.y} width={segment.width} height={segment.height} fill={`url(#${patternId(prefix, pattern)})`} />}
                      <line className={styles.separator} x1={segment.x} x2={segment.x + segment.width} y1={segment.y} y2={segment.y} />
                    </g>
                  );
                })}
                {index % labelEvery === 0 && (
                  <text className={styles.label} x={column.centre} y={layout.plot.bottom + 16} textAnchor="middle">
                    {column.label}
                  </text>
                )}
              </g>
            ))}
          </svg>
          <OutcomeLegend totals={totals} />
        </>
      )}
    </figure>
  );
}
