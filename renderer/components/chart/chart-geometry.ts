// Geometry of the outcome chart: one stacked column per run, one segment per
// final state, on a scale with round tick values. Pure numbers in SVG user
// units, so the layout is unit-tested and the component only draws.

export interface StackedSeries<S extends string> {
  id: string;
  /** Axis label under the column ("21 Nov 14:02"). */
  label: string;
  counts: Partial<Record<S, number>>;
}

export interface Segment<S extends string> {
  state: S;
  count: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Column<S extends string> {
  id: string;
  label: string;
  total: number;
  x: number;
  width: number;
  /** Centre of the column, for its label. */
  centre: number;
  /** Bottom first (the first state in the order sits on the axis). */
  segments: Segment<S>[];
}

export interface Tick {
  value: number;
  y: number;
}

export interface ChartLayout<S extends string> {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  /** The value at the top of the axis (a round number at or above the largest total). */
  max: number;
  ticks: Tick[];
  columns: Column<S>[];
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Widest a column may be; narrower when many runs share the width. */
  maxColumnWidth: number;
  /** Space between columns as a fraction of each column slot (0..1). */
  gap: number;
}

export const defaultChartBox: ChartBox = {
  width: 880,
  height: 220,
  margin: { top: 12, right: 12, bottom: 40, left: 48 },
  maxColumnWidth: 48,
  gap: 0.3,
};

/** A round step (1, 2, 2.5 or 5 × 10^n, at least 1) near `rough`. */
export function niceStep(rough: number): number {
  if (!(rough > 1)) return 1;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  for (const step of [1, 2, 2.5, 5, 10]) {
    if (step * magnitude >= rough) return step * magnitude;
  }
  return 10 * magnitude;
}

/**
 * The axis for values up to `value`: a round step giving about `ticks`
 * intervals, and the top of the axis at the first step at or above the
 * value, so the tallest column fills most of the height.
 */
export function niceScale(value: number, ticks = 4): { max: number; step: number } {
  if (!(value > 0)) return { max: 1, step: 1 };
  const step = niceStep(value / ticks);
  return { max: Math.ceil(value / step) * step, step };
}

export function layoutStackedColumns<S extends string>(series: readonly StackedSeries<S>[], order: readonly S[], box: ChartBox = defaultChartBox): ChartLayout<S> {
  const plot = { left: box.margin.left, top: box.margin.top, right: box.width - box.margin.right, bottom: box.height - box.margin.bottom };
  const plotWidth = plot.right - plot.left;
  const plotHeight = plot.bottom - plot.top;
  const totals = series.map((run) => order.reduce((sum, state) => sum + Math.max(0, run.counts[state] ?? 0), 0));
  const { max, step } = niceScale(Math.max(0, ...totals));
  const scale = (value: number) => (value / max) * plotHeight;

  const slot = series.length > 0 ? plotWidth / series.length : plotWidth;
  const width = Math.min(box.maxColumnWidth, slot * (1 - box.gap));
  const columns = series.map((run, index): Column<S> => {
    const x = plot.left + index * slot + (slot - width) / 2;
    let base = plot.bottom;
    const segments: Segment<S>[] = [];
    for (const state of order) {
      const count = Math.max(0, run.counts[state] ?? 0);
      if (count === 0) continue;
      const height = scale(count);
      base -= height;
      segments.push({ state, count, x, y: base, width, height });
    }
    return { id: run.id, label: run.label, total: totals[index] ?? 0, x, width, centre: x + width / 2, segments };
  });

  return {
    width: box.width,
    height: box.height,
    plot,
    max,
    ticks: Array.from({ length: Math.round(max / step) + 1 }, (_, index) => index * step).map((value) => ({ value, y: plot.bottom - scale(value) })),
    columns,
  };
}

/** One sentence for the chart's accessible name: how many runs, and the totals per state. */
export function chartSummary<S extends string>(series: readonly StackedSeries<S>[], order: readonly S[], labels: Record<S, string>): string {
  if (series.length === 0) return 'Outcome chart: no runs yet.';
  const totals = order
    .map((state) => ({ state, count: series.reduce((sum, run) => sum + Math.max(0, run.counts[state] ?? 0), 0) }))
    .filter((total) => total.count > 0)
    .map((total) => `${total.count} ${labels[total.state].toLowerCase()}`);
  const runs = series.length === 1 ? '1 run' : `${series.length} runs`;
  return `Outcomes of ${runs}, oldest first: ${totals.length > 0 ? totals.join(', ') : 'no accounts'}.`;
}
