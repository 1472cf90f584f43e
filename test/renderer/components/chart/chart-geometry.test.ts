import { describe, expect, it } from 'vitest';
import { chartSummary, defaultChartBox, layoutStackedColumns, niceScale, niceStep } from '../../../../renderer/components/chart/chart-geometry';

type State = 'verified' | 'failed' | 'excluded';
const order: State[] = ['verified', 'failed', 'excluded'];
const labels: Record<State, string> = { verified: 'Verified', failed: 'Failed', excluded: 'Excluded' };

describe('scale', () => {
  it('picks a round step for about four intervals and tops the axis at the first step above the largest value', () => {
    expect([0, 1, 5, 7, 200, 527, 4_999].map((value) => niceScale(value))).toEqual([
      { max: 1, step: 1 },
      { max: 1, step: 1 },
      { max: 6, step: 2 },
      { max: 8, step: 2 },
      { max: 200, step: 50 },
      { max: 600, step: 200 },
      { max: 6_000, step: 2_000 },
    ]);
  });

  it('never steps by less than one (account counts are whole)', () => {
    expect(niceStep(0.3)).toBe(1);
    expect(niceStep(3)).toBe(5);
    expect(niceStep(26)).toBe(50);
    expect(niceStep(130)).toBe(200);
  });
});

describe('stacked columns', () => {
  const layout = layoutStackedColumns(
    [
      { id: 'run-1', label: 'first', counts: { verified: 150, failed: 30, excluded: 20 } },
      { id: 'run-2', label: 'second', counts: { verified: 50 } },
    ],
    order,
  );
  const plotHeight = layout.plot.bottom - layout.plot.top;

  it('scales every segment against the rounded maximum, stacked from the axis up in state order', () => {
    expect(layout.max).toBe(200);
    const [first, second] = layout.columns;
    expect(first!.total).toBe(200);
    expect(first!.segments.map((s) => s.state)).toEqual(['verified', 'failed', 'excluded']);
    expect(first!.segments[0]!.height).toBeCloseTo((150 / 200) * plotHeight);
    expect(first!.segments[0]!.y + first!.segments[0]!.height).toBeCloseTo(layout.plot.bottom);
    // Each segment sits on the one below it, and the full column reaches the top of the plot.
    expect(first!.segments[1]!.y + first!.segments[1]!.height).toBeCloseTo(first!.segments[0]!.y);
    expect(first!.segments[2]!.y).toBeCloseTo(layout.plot.top);
    expect(second!.segments).toHaveLength(1);
    expect(second!.segments[0]!.height).toBeCloseTo(plotHeight / 4);
  });

  it('places columns left to right inside the plot, no wider than the maximum', () => {
    const [first, second] = layout.columns;
    expect(first!.width).toBe(defaultChartBox.maxColumnWidth);
    expect(first!.x).toBeGreaterThanOrEqual(layout.plot.left);
    expect(second!.x + second!.width).toBeLessThanOrEqual(layout.plot.right);
    expect(second!.centre).toBeGreaterThan(first!.centre);
  });

  it('narrows columns when many runs share the width, keeping a gap between them', () => {
    const many = layoutStackedColumns(Array.from({ length: 100 }, (_, i) => ({ id: `r${i}`, label: `${i}`, counts: { verified: i } })), order);
    const [a, b] = many.columns;
    expect(a!.width).toBeLessThan(defaultChartBox.maxColumnWidth);
    expect(b!.x - (a!.x + a!.width)).toBeGreaterThan(0);
    expect(many.columns[99]!.x + many.columns[99]!.width).toBeLessThanOrEqual(many.plot.right + 1e-9);
  });

  it('ignores negative and missing counts, and draws an empty axis for no runs', () => {
    const odd = layoutStackedColumns([{ id: 'x', label: 'x', counts: { verified: -3, failed: 2 } }], order);
    expect(odd.columns[0]!.segments.map((s) => [s.state, s.count])).toEqual([['failed', 2]]);
    const none = layoutStackedColumns([], order);
    expect(none.columns).toEqual([]);
    expect(none.ticks.map((t) => t.value)).toEqual([0, 1]);
    expect(layout.ticks.map((t) => t.value)).toEqual([0, 50, 100, 150, 200]);
    expect(layout.ticks[4]!.y).toBeCloseTo(layout.plot.top);
  });
});

describe('accessible summary', () => {
  it('says how many runs and the totals per state', () => {
    expect(chartSummary([{ id: 'a', label: 'a', counts: { verified: 3, failed: 1 } }, { id: 'b', label: 'b', counts: { verified: 2 } }], order, labels)).toBe(
      'Outcomes of 2 runs, oldest first: 5 verified, 1 failed.',
    );
    expect(chartSummary([], order, labels)).toBe('Outcome chart: no runs yet.');
  });
});
