// One benchmark figure, as test-results/bench.json carries it and the table
// shows it. Names are fixed (other tooling reads them). Goals are written
// "≥ 0.9", "≤ 1000", "= 0" or "report it"; the table marks each figure
// against its goal.

export interface BenchFigure {
  name: string;
  /** null when the figure could not be measured here; the note says why. */
  value: number | null;
  unit: string;
  goal: string;
  /** What the figure was measured beside, in the same run (the quota, the naive loop, ...). */
  baseline: string;
  /** What limits the figure, how it was measured, and anything a reader must know. */
  note: string;
}

export type Verdict = 'met' | 'missed' | 'n/a';

export function verdict(figure: BenchFigure): Verdict {
  if (figure.value === null) return 'n/a';
  const match = /^(≥|≤|=)\s*([0-9.,]+)/.exec(figure.goal);
  if (!match) return 'n/a';
  const target = Number((match[2] as string).replace(/,/g, ''));
  const value = figure.value;
  if (match[1] === '≥') return value >= target ? 'met' : 'missed';
  if (match[1] === '≤') return value <= target ? 'met' : 'missed';
  return value === target ? 'met' : 'missed';
}

export function round(value: number, digits = 3): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}

/** A figure that could not be measured: value null, the reason in the note. */
export function unmeasured(name: string, unit: string, goal: string, reason: string): BenchFigure {
  return { name, value: null, unit, goal, baseline: 'not measured', note: reason };
}

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

export function renderTable(figures: readonly BenchFigure[]): string {
  const rows = figures.map((f) => [f.name, f.value === null ? 'null' : String(f.value), f.unit, f.goal, verdict(f), f.baseline]);
  const header = ['name', 'value', 'unit', 'goal', 'verdict', 'baseline'];
  const widths = header.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => (r[i] as string).length))));
  const line = (cells: string[]) => cells.map((c, i) => pad(c, widths[i] as number)).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line), ''];
  for (const f of figures) out.push(`${f.name}: ${f.note}`);
  return out.join('\n');
}
