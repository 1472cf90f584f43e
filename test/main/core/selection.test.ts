import { describe, expect, it } from 'vitest';
import type { SelectionProblem } from '../../../main/core/domain';
import { selectAll, selectByQuery, selectFromCsv } from '../../../main/core/selection';
import { createSampleDirectories } from '../../../main/practice/sample-directory';
import { ENTRA_ID, OKTA_ID, WINDOWS_ID } from '../../../main/practice/sample-population';

const directories = createSampleDirectories();
const noYield = { yieldControl: async () => undefined };

describe('selection by search and "all"', () => {
  it('finds accounts across directories, accent-insensitively, without duplicates', async () => {
    const selection = await selectByQuery(directories, { search: 'obrien' });
    expect(selection.accounts.map((a) => a.login).sort()).toEqual(['sean.obrien@contoso-practice.onmicrosoft.com', 'sean.obrien@fabrikam.example', 'sobrien']);
    const accented = await selectByQuery(directories, { search: 'Ångström' });
    expect(accented.accounts.length).toBe(3);
    expect(selection.problems).toEqual([]);
    expect(selection.description).toContain('"obrien"');
  });

  it('"all" returns every account of every directory', async () => {
    const all = await selectAll(directories);
    const keys = new Set(all.accounts.map((a) => `${a.directoryId}|${a.id}`));
    expect(keys.size).toBe(all.accounts.length);
    expect(new Set(all.accounts.map((a) => a.directoryId))).toEqual(new Set([ENTRA_ID, OKTA_ID, WINDOWS_ID]));
  });
});

describe('selection by CSV', () => {
  it('resolves by id, upn, login and sam, and reports every bad row with its line and reason', async () => {
    const entraId = (await selectByQuery(directories, { search: 'adele.vance@contoso' })).accounts[0]!.id;
    const csv = [
      'Directory;ID;UPN;Login;SAM',
      `entra;${entraId};;;`,
      'Contoso (practice Entra ID);;LYNNE.ROBBINS@contoso-practice.onmicrosoft.com;;',
      'okta;;;sean.obrien@fabrikam.example;',
      `windows;;;;SRV-PARIS02\\françois`,
      'windows;;;;kiosk',
      'okta;;;nobody@fabrikam.example;',
      'gmail;;;x@gmail.com;',
      'okta;;;;',
      ';;;sean.obrien@fabrikam.example;',
      'okta;;;sean.obrien@fabrikam.example;',
      'okta;too;many;fields;here;!',
      '"okta;;;broken',
    ].join('\n');
    const selection = await selectFromCsv(directories, csv, 'users.csv', noYield);
    expect(selection.accounts.map((a) => a.login)).toEqual([
      'adele.vance@contoso-practice.onmicrosoft.com',
      'lynne.robbins@contoso-practice.onmicrosoft.com',
      'sean.obrien@fabrikam.example',
      'françois',
    ]);
    const brief = selection.problems.map((p) => [p.line, p.reason]);
    expect(brief).toEqual([
      [6, 'ambiguous'],
      [7, 'unknown-account'],
      [8, 'unknown-directory'],
      [9, 'malformed'],
      [10, 'malformed'],
      [11, 'duplicate'],
      [12, 'malformed'],
      [13, 'malformed'],
    ]);
    expect(selection.problems[0]!.message).toContain('WS-FIN01\\kiosk');
    expect(selection.problems[5]!.message).toContain('line 4');
    expect(selection.problems[7]!.message).toContain('never closed');
  });

  it('rejects a file without a usable header, naming what it found', async () => {
    const selection = await selectFromCsv(directories, 'name,email\nx,y\n', 'bad.csv', noYield);
    expect(selection.accounts).toEqual([]);
    expect(selection.problems).toEqual([{ line: 1, reason: 'malformed', message: expect.stringContaining('"name", "email"') }]);
    const empty = await selectFromCsv(directories, '', 'empty.csv', noYield);
    expect(empty.problems[0]).toMatchObject({ line: null, reason: 'malformed' });
  });

  it('reads a 10 MB file in chunks, yielding to the event loop, and reports every bad row', async () => {
    const valid = (await selectAll(directories)).accounts.filter((a) => a.directoryId === OKTA_ID).slice(0, 20);
    const filler = 'x'.repeat(24);
    const lines = ['directory,login,note'];
    for (const account of valid) lines.push(`okta,${account.login},${filler}`);
    const expected: Array<[number, SelectionProblem['reason']]> = [];
    let size = lines.join('\n').length;
    while (size < 10 * 1024 * 1024) {
      for (let k = 0; k < 1000; k++) {
        const line = lines.length + 1;
        const i = lines.length;
        switch (i % 4) {
          case 0:
            lines.push(`okta,nobody${i}@fabrikam.example,${filler}`);
            expected.push([line, 'unknown-account']);
            break;
          case 1:
            lines.push(`okta,"quoted, broken ${i}" tail,${filler}`);
            expected.push([line, 'malformed']);
            break;
          case 2:
            lines.push(`okta,${valid[i % valid.length]!.login},"${filler}, with comma"`);
            expected.push([line, 'duplicate']);
            break;
          default:
            lines.push(`nowhere,user${i}@x.example,${filler}`);
            expected.push([line, 'unknown-directory']);
        }
        size += (lines[lines.length - 1] as string).length + 1;
      }
    }
    const text = lines.join('\n');
    expect(text.length).toBeGreaterThanOrEqual(10 * 1024 * 1024);

    let yields = 0;
    let ticks = 0;
    let ticking = true;
    const tick = () => {
      ticks++;
      if (ticking) setImmediate(tick);
    };
    setImmediate(tick);
    const phases = new Set<string>();
    const selection = await selectFromCsv(directories, text, 'big.csv', {
      chunkChars: 64 * 1024,
      rowsPerYield: 5000,
      onProgress: (p) => phases.add(p.phase),
      yieldControl: () =>
        new Promise((resolve) => {
          yields++;
          setImmediate(resolve);
        }),
    });
    ticking = false;

    expect(selection.accounts.length).toBe(20);
    expect(selection.problems.length).toBe(expected.length);
    // Compared as one string: a deep equal over 200,000 pairs would dominate the test's run time.
    expect(selection.problems.map((p) => `${p.line}:${p.reason}`).join('\n')).toBe(expected.map(([line, reason]) => `${line}:${reason}`).join('\n'));
    // Structural, not timed: the work was cut into many slices and other callbacks ran between them.
    const chunks = Math.ceil(text.length / (64 * 1024));
    const resolvable = lines.length - 1 - expected.filter(([, reason]) => reason === 'malformed').length;
    expect(yields).toBeGreaterThanOrEqual(chunks + Math.floor((resolvable - 1) / 5000));
    expect(ticks).toBeGreaterThanOrEqual(chunks / 2);
    expect(phases).toEqual(new Set(['reading', 'listing', 'resolving']));
  });
});
