// What a CSV import found, shaped for the report dialog: a headline, counts
// per kind of problem, every problem row in file order, and the same report
// as text to copy or save. Nothing is summarised away: every problem the main
// process reported is a row here.
import type { CsvImportResult } from '../../../../preload/contract';
import { formatCount, plural } from '../../../lib/format';

export type ProblemReason = CsvImportResult['problems'][number]['reason'];

export const problemReasonLabels: Record<ProblemReason, string> = {
  malformed: 'Malformed line',
  'unknown-directory': 'Unknown directory',
  'unknown-account': 'No such account',
  ambiguous: 'Matches several accounts',
  duplicate: 'Listed twice',
};

export interface CsvProblemRow {
  /** 1-based line in the file; null for a problem with the file as a whole. */
  line: number | null;
  reason: ProblemReason;
  reasonLabel: string;
  message: string;
}

export interface CsvReportView {
  fileName: string;
  headline: string;
  /** Accounts the file named that were found. */
  found: number;
  rows: number;
  byReason: { reason: ProblemReason; label: string; count: number }[];
  problems: CsvProblemRow[];
}

export function csvReportView(fileName: string, result: CsvImportResult): CsvReportView {
  const problems = result.problems
    .map((problem) => ({ ...problem, reasonLabel: problemReasonLabels[problem.reason] }))
    // File-level problems first, then in file order; sort is stable for equal lines.
    .sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const counts = new Map<ProblemReason, number>();
  for (const problem of problems) counts.set(problem.reason, (counts.get(problem.reason) ?? 0) + 1);
  const byReason = [...counts].map(([reason, count]) => ({ reason, label: problemReasonLabels[reason], count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  const found = result.keys.length;
  const headline =
    problems.length === 0
      ? `${fileName}: ${plural(result.rows, 'row')}, ${plural(found, 'account')} found, no problems.`
      : `${fileName}: ${plural(result.rows, 'row')}, ${plural(found, 'account')} found, ${plural(problems.length, 'row')} with a problem.`;
  return { fileName, headline, found, rows: result.rows, byReason, problems };
}

function lineText(line: number | null): string {
  return line === null ? 'file' : String(line);
}

/** The report as tab-separated text (pastes into a spreadsheet or a ticket). */
export function reportText(view: CsvReportView): string {
  const lines = [view.headline, '', 'Line\tProblem\tMessage'];
  for (const problem of view.problems) lines.push(`${lineText(problem.line)}\t${problem.reasonLabel}\t${problem.message.replace(/\s+/g, ' ')}`);
  return `${lines.join('\n')}\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The report as a CSV file, one problem per row. */
export function reportCsv(view: CsvReportView): string {
  const lines = ['line,reason,problem,message'];
  for (const problem of view.problems) lines.push([lineText(problem.line), problem.reason, problem.reasonLabel, problem.message].map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function reportFileName(fileName: string): string {
  const base = fileName.replace(/\.[^.]*$/, '') || 'accounts';
  return `${base}-import-problems.csv`;
}

export type ImportMode = 'replace' | 'add';

/** The selection after using an import's accounts. */
export function selectionAfterImport(current: ReadonlySet<string>, imported: readonly string[], mode: ImportMode): Set<string> {
  const next = mode === 'replace' ? new Set<string>() : new Set(current);
  for (const key of imported) next.add(key);
  return next;
}

/** "Replace the 12 selected accounts with the 950 from the file" — what each choice will do, in words. */
export function importChoiceText(current: number, found: number, mode: ImportMode): string {
  if (mode === 'replace') return current === 0 ? `Select the ${plural(found, 'account')} from the file.` : `Replace the ${formatCount(current)} selected with the ${plural(found, 'account')} from the file.`;
  return `Add the ${plural(found, 'account')} from the file to the ${formatCount(current)} already selected.`;
}
