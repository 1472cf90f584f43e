import { describe, expect, it } from 'vitest';
import {
  csvReportView,
  importChoiceText,
  reportCsv,
  reportFileName,
  reportText,
  selectionAfterImport,
} from '../../../../../renderer/screens/Accounts/model/csv-report';

const result = {
  keys: ['d|1', 'd|2'],
  rows: 6,
  description: 'CSV accounts.csv: 2 accounts',
  problems: [
    { line: 5, reason: 'unknown-account' as const, message: 'No account "ghost@contoso.example" in Contoso.' },
    { line: 2, reason: 'malformed' as const, message: 'Line 2 has 3 fields, "the header has 2.' },
    { line: null, reason: 'unknown-directory' as const, message: 'The file names no directory column.' },
    { line: 6, reason: 'unknown-account' as const, message: 'No account "nobody" in Contoso.' },
  ],
};

describe('csvReportView', () => {
  const view = csvReportView('accounts.csv', result);

  it('keeps every problem, file-level first then in line order, with a label per reason', () => {
    expect(view.problems.map((p) => p.line)).toEqual([null, 2, 5, 6]);
    expect(view.problems[1]?.reasonLabel).toBe('Malformed line');
    expect(view.problems).toHaveLength(result.problems.length);
  });

  it('counts problems by reason, most frequent first, and says it in a headline', () => {
    expect(view.byReason).toEqual([
      { reason: 'unknown-account', label: 'No such account', count: 2 },
      { reason: 'malformed', label: 'Malformed line', count: 1 },
      { reason: 'unknown-directory', label: 'Unknown directory', count: 1 },
    ]);
    expect(view.headline).toBe('accounts.csv: 6 rows, 2 accounts found, 4 rows with a problem.');
    expect(csvReportView('clean.csv', { ...result, problems: [] }).headline).toBe('clean.csv: 6 rows, 2 accounts found, no problems.');
  });

  it('copies as tab-separated text and saves as CSV with quoting', () => {
    const text = reportText(view);
    expect(text.split('\n')[2]).toBe('Line\tProblem\tMessage');
    expect(text).toContain('file\tUnknown directory\tThe file names no directory column.');
    const csv = reportCsv(view);
    expect(csv.split('\r\n')[0]).toBe('line,reason,problem,message');
    expect(csv).toContain('2,malformed,Malformed line,"Line 2 has 3 fields, ""the header has 2."');
    expect(reportFileName('accounts.csv')).toBe('accounts-import-problems.csv');
    expect(reportFileName('.csv')).toBe('accounts-import-problems.csv');
  });
});

describe('using the imported accounts', () => {
  it('replaces or adds to the selection', () => {
    const current = new Set(['d|9', 'd|1']);
    expect([...selectionAfterImport(current, ['d|1', 'd|2'], 'replace')]).toEqual(['d|1', 'd|2']);
    expect([...selectionAfterImport(current, ['d|1', 'd|2'], 'add')].sort()).toEqual(['d|1', 'd|2', 'd|9']);
    expect(current.size).toBe(2);
  });

  it('says what each choice does', () => {
    expect(importChoiceText(0, 2, 'replace')).toBe('Select the 2 accounts from the file.');
    expect(importChoiceText(12, 1, 'replace')).toBe('Replace the 12 selected with the 1 account from the file.');
    expect(importChoiceText(12, 2, 'add')).toBe('Add the 2 accounts from the file to the 12 already selected.');
  });
});
