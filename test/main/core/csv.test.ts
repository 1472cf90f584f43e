import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CsvTokenizer, detectDelimiter, readCsv, type CsvRow } from '../../../main/core/csv';

async function rows(text: string | AsyncIterable<string>, chunkChars?: number): Promise<CsvRow[]> {
  const out: CsvRow[] = [];
  await readCsv(text, (row) => out.push(row), { chunkChars, yieldControl: async () => undefined });
  return out;
}

describe('CSV reading (RFC 4180)', () => {
  it('reads quoted separators, doubled quotes and line breaks inside quotes, with physical line numbers', async () => {
    const text = 'directory,upn,note\r\nentra,"a,b@x.com","say ""hi"""\r\nentra,c@x.com,"two\r\nlines"\r\nentra,d@x.com,plain\r\n';
    const got = await rows(text);
    expect(got.map((r) => [r.line, r.fields])).toEqual([
      [1, ['directory', 'upn', 'note']],
      [2, ['entra', 'a,b@x.com', 'say "hi"']],
      [3, ['entra', 'c@x.com', 'two\r\nlines']],
      [5, ['entra', 'd@x.com', 'plain']],
    ]);
  });

  it('drops a UTF-8 BOM and detects ";" as the separator', async () => {
    const got = await rows('\uFEFFdirectory;login\nokta;"o\'brien;x"\n');
    expect(got[0]?.fields).toEqual(['directory', 'login']);
    expect(got[1]?.fields).toEqual(['okta', "o'brien;x"]);
    expect(detectDelimiter('a,b;c;d')).toBe(';');
    expect(detectDelimiter('"a;b",c')).toBe(',');
  });

  it('flags broken quoting on the row where it happens and keeps going', async () => {
    const got = await rows('h1,h2\nok,"x"y\nab"c,d\ngood,row\n"never closed,x\nmore');
    expect(got[1]).toMatchObject({ line: 2, error: expect.stringContaining('closing quote') });
    expect(got[2]).toMatchObject({ line: 3, error: expect.stringContaining('does not start with a quote') });
    expect(got[3]).toEqual({ line: 4, fields: ['good', 'row'] });
    expect(got[4]).toMatchObject({ line: 5, error: 'a quoted field is never closed' });
  });

  it('skips empty lines but counts them, and handles a last line without a line break', async () => {
    const got = await rows('a,b\n\n1,2\r\n\r\n3,4');
    expect(got.map((r) => [r.line, r.fields])).toEqual([
      [1, ['a', 'b']],
      [3, ['1', '2']],
      [5, ['3', '4']],
    ]);
  });

  it('reads a streamed source split anywhere the same as the whole text', async () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'x"y', 'line\nbreak', 'cr\r\nlf', ';', ''));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 8 }), fc.array(fc.nat(), { maxLength: 6 }), async (table, cuts) => {
        const quote = (v: string) => `"${v.replace(/"/g, '""')}"`;
        const text = ['h1,h2', ...table.map((r) => r.map(quote).join(','))].join('\r\n');
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        async function* chunks() {
          let last = 0;
          for (const p of points) {
            yield text.slice(last, p);
            last = p;
          }
          yield text.slice(last);
        }
        const whole = await rows(text);
        const streamed = await rows(chunks(), 3);
        expect(streamed).toEqual(whole);
        expect(whole.slice(1).map((r) => r.fields)).toEqual(table);
      }),
      { numRuns: 200 },
    );
  });

  it('tokenizer counts a CR LF split across chunks once', () => {
    const got: CsvRow[] = [];
    const t = new CsvTokenizer(',', (r) => got.push(r));
    t.push('a,"x\r');
    t.push('\ny"\r');
    t.push('\nb,c');
    t.end();
    expect(got).toEqual([
      { line: 1, fields: ['a', 'x\r\ny'] },
      { line: 3, fields: ['b', 'c'] },
    ]);
  });
});
