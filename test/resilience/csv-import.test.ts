// CSV import with bad input, through the flow (select, then plan) against the
// real Okta directory (stand-in) and a simulated Windows computer: malformed
// quoting, wrong columns, a 10 MB file, a byte-order mark, ";" separators,
// duplicate rows, unknown accounts. Each must produce clear sentences (with
// the line they are about), no crash, and no write: no journal, no request
// that changes anything in either directory.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Account, SelectionProblem } from '../../main/core/domain';
import { collectAccounts } from '../../main/core/domain';
import { fileFlow, type FileFlow } from './harness/flow';
import { startOktaPractice, type OktaPractice } from './harness/okta';
import { hostSeed, startWindowsPractice, type WindowsPractice } from './harness/windows';

let okta: OktaPractice;
let windows: WindowsPractice;
let flow: FileFlow;
let oktaAccounts: Account[];

beforeAll(async () => {
  okta = await startOktaPractice({ users: 120 });
  windows = await startWindowsPractice({ hosts: [hostSeed('PARIS-FS01', 'S-1-5-21-2875460203-1234419751-3219874415', ['amélie', 'gérard', "d'artagnan"])] });
  flow = await fileFlow({ directories: [okta.directory, windows.directory] });
  oktaAccounts = await collectAccounts(okta.directory, {});
});
afterAll(async () => {
  await flow?.dispose();
  await windows?.dispose();
  await okta?.close();
});

/** Nothing was changed anywhere: no journal, no write request to Okta, no SAM operation. */
async function expectNoWrite(): Promise<void> {
  expect(await flow.flow.listRuns()).toEqual([]);
  expect(okta.exchanges.filter((e) => e.method !== 'GET' && e.path.startsWith('/api/v1/users/'))).toEqual([]);
  expect(windows.network.resolve('PARIS-FS01')?.sam.operations).toEqual([]);
}

async function importCsv(text: string, fileName = 'accounts.csv') {
  const selection = await flow.flow.select({ by: 'csv', fileName, text });
  const plan = await flow.flow.plan({ selection });
  // The plan carries every problem; a problem row never becomes a planned account.
  expect(plan.selectionProblems).toEqual(selection.problems);
  expect(plan.entries.length + plan.excluded.length).toBe(selection.accounts.length);
  await expectNoWrite();
  return selection;
}

const sentence = (problem: SelectionProblem) => /^[A-Z"].*[.)]$/s.test(problem.message);
const login = (i: number) => (oktaAccounts[i] as Account).login;

describe('CSV import: bad input gives clear problems, no crash, no write', () => {
  it('malformed quoting: each broken line is named, the good lines still count', async () => {
    const text = ['directory,login', `okta,${login(0)}`, `okta,ab"c@example.com`, `okta,"${login(2)}"x`, `okta,${login(3)}`, `okta,"${login(1)}`].join('\n');
    const selection = await importCsv(text);
    expect(selection.accounts.map((a) => a.login)).toEqual([login(0), login(3)]);
    expect(selection.problems.map((p) => [p.line, p.reason])).toEqual([
      [3, 'malformed'],
      [4, 'malformed'],
      [6, 'malformed'],
    ]);
    expect(selection.problems.map((p) => p.message)).toEqual([
      'The line is not valid CSV: a quote appears inside a field that does not start with a quote.',
      'The line is not valid CSV: text follows a closing quote (a quote inside a quoted field must be doubled).',
      'The line is not valid CSV: a quoted field is never closed.',
    ]);
    expect(selection.problems.every(sentence)).toBe(true);
  });

  it('wrong columns: a header without directory or identifier refuses the file; a short or long line is named', async () => {
    const noHeader = await importCsv(['name,email', `Ana,${login(0)}`].join('\n'));
    expect(noHeader.accounts).toEqual([]);
    expect(noHeader.problems).toEqual([
      { line: 1, reason: 'malformed', message: 'The first line must be a header naming a "directory" column and at least one of "id", "upn", "login" or "sam" (found: "name", "email").' },
    ]);
    const widths = await importCsv(['directory,login,note', `okta,${login(0)},vip`, `okta,${login(1)}`, `okta,${login(2)},a,b`].join('\r\n'));
    expect(widths.accounts.map((a) => a.login)).toEqual([login(0)]);
    expect(widths.problems.map((p) => p.message)).toEqual(['The line has 2 fields but the header has 3.', 'The line has 4 fields but the header has 3.']);
    const empty = await importCsv('');
    expect(empty.problems).toEqual([{ line: null, reason: 'malformed', message: 'accounts.csv is empty: expected a header line and one line per account.' }]);
  });

  it('a byte-order mark and ";" separators (Excel in many locales) are read as such', async () => {
    const text = `\uFEFFDirectory;Login\r\nokta;${login(0)}\r\nwindows;PARIS-FS01\\amélie\r\n`;
    const selection = await importCsv(text);
    expect(selection.problems).toEqual([]);
    expect(selection.accounts.map((a) => a.login)).toEqual([login(0), 'amélie']);
  });

  it('duplicate rows: the account is selected once, every repeat is named with the first line', async () => {
    const selection = await importCsv(['directory,login', `okta,${login(0)}`, `okta,${login(0).toUpperCase()}`, `okta,${login(1)}`, `okta,${login(0)}`].join('\n'));
    expect(selection.accounts.map((a) => a.login)).toEqual([login(0), login(1)]);
    expect(selection.problems.map((p) => [p.line, p.reason, p.message])).toEqual([
      [3, 'duplicate', `The same account (${login(0)}) is already selected on line 2.`],
      [5, 'duplicate', `The same account (${login(0)}) is already selected on line 2.`],
    ]);
  });

  it('unknown accounts and unknown directories are named, never guessed', async () => {
    const selection = await importCsv(['directory,login', 'okta,nobody@example.com', 'entra,ana@contoso.com', `okta,${login(4)}`, 'windows,PARIS-FS01\\nobody'].join('\n'));
    expect(selection.accounts.map((a) => a.login)).toEqual([login(4)]);
    expect(selection.problems.map((p) => [p.line, p.reason])).toEqual([
      [2, 'unknown-account'],
      [3, 'unknown-directory'],
      [5, 'unknown-account'],
    ]);
    expect(selection.problems[1]?.message).toMatch(/^No connected directory is called "entra" \(connected: /);
    expect(selection.problems.every(sentence)).toBe(true);
  });

  it('a 10 MB file (250,000 rows, mostly repeats and unknown accounts) is read to the end', async () => {
    const lines = ['directory,login'];
    let size = lines[0]!.length;
    for (let i = 0; size < 10 * 1024 * 1024; i++) {
      const line = i % 5 === 0 ? `okta,unknown.${i}@example.com` : `okta,${login(Math.floor(i / 5) % 50)}`;
      lines.push(line);
      size += line.length + 1;
    }
    const selection = await importCsv(lines.join('\n'), 'big.csv');
    expect(selection.accounts).toHaveLength(50);
    expect(selection.problems).toHaveLength(lines.length - 1 - 50);
    expect(selection.problems.filter((p) => p.reason === 'unknown-account')).toHaveLength(Math.ceil((lines.length - 1) / 5));
    // In file order, every line accounted for once.
    const reported = new Set(selection.problems.map((p) => p.line));
    expect(reported.size).toBe(selection.problems.length);
  });
});
