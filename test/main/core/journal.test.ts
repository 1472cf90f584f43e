import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalRecordType } from '../../../main/core/domain';
import { chainPosition, GENESIS_HASH, JournalChain, parseJournal, recordBody, verifyJournal } from '../../../main/core/journal';
import { testHasher } from './fakes';

function journal(count: number, ended = true): string[] {
  const chain = new JournalChain(testHasher);
  const lines: string[] = [];
  for (let i = 1; i <= count; i++) {
    const type: JournalRecordType = i === 1 ? 'run-started' : i === count && ended ? 'run-ended' : 'step';
    lines.push(chain.next(type, { key: `k${i}`, text: `record ${i} — Zoë "quoted"`, n: i }, `2026-05-04T09:00:${String(i % 60).padStart(2, '0')}.000Z`).line);
  }
  return lines;
}

const text = (lines: string[]) => lines.map((l) => `${l}\n`).join('');

describe('journal format', () => {
  it('writes one fixed layout whose hash covers everything before the hash field', () => {
    const chain = new JournalChain(testHasher);
    const { line, record } = chain.next('run-started', { runId: 'r1' }, '2026-05-04T09:00:00.000Z');
    const body = recordBody(1, '2026-05-04T09:00:00.000Z', 'run-started', { runId: 'r1' }, GENESIS_HASH);
    expect(line).toBe(`${body},"hash":"${testHasher.sha256Hex(body)}"}`);
    expect(JSON.parse(line)).toEqual(record);
    const second = chain.next('plan', null, '2026-05-04T09:00:01.000Z');
    expect(second.record.prev).toBe(record.hash);
    expect(chain.position()).toEqual({ seq: 2, hash: second.record.hash });
  });

  it('never lets a secret into a record', () => {
    const { line } = new JournalChain(testHasher).next('step', { message: 'Authorization: SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWX', password: 'hunter2' }, 'now');
    expect(line).not.toContain('00QCjAl4MlV');
    expect(line).not.toContain('hunter2');
  });

  it('continues a chain from the last record of an existing journal', () => {
    const lines = journal(3, false);
    const records = parseJournal(text(lines)).records;
    const chain = new JournalChain(testHasher, chainPosition(records));
    lines.push(chain.next('run-ended', {}, 'now').line);
    expect(verifyJournal(text(lines), testHasher)).toEqual({ ok: true, records: 4, finished: true });
  });

  it('reports an intact journal, finished or not', () => {
    expect(verifyJournal(text(journal(5)), testHasher)).toEqual({ ok: true, records: 5, finished: true });
    expect(verifyJournal(text(journal(5, false)), testHasher)).toEqual({ ok: true, records: 5, finished: false });
    expect(verifyJournal('', testHasher)).toEqual({ ok: true, records: 0, finished: false });
  });

  it('names a torn last record (crash mid-write) and parseJournal drops it', () => {
    const lines = journal(4, false);
    const torn = `${text(lines.slice(0, 3))}${lines[3]!.slice(0, 40)}`;
    expect(verifyJournal(torn, testHasher)).toMatchObject({ ok: false, line: 4, seq: 4, records: 3, problem: expect.stringContaining('incomplete') });
    expect(parseJournal(torn)).toMatchObject({ tornTail: true, records: { length: 3 } });
    expect(() => parseJournal(`${text(lines.slice(0, 1))}garbage\n${text(lines.slice(1))}`)).toThrow(/Line 2/);
  });

  it('tells an edited record from removed or reordered ones', () => {
    const lines = journal(4);
    const edited = [...lines];
    edited[1] = edited[1]!.replace('record 2', 'record X');
    expect(verifyJournal(text(edited), testHasher)).toMatchObject({ ok: false, line: 2, seq: 2, problem: expect.stringContaining('edited') });
    const removed = [lines[0]!, lines[2]!, lines[3]!];
    expect(verifyJournal(text(removed), testHasher)).toMatchObject({ ok: false, line: 2, seq: 3, problem: expect.stringContaining('removed') });
    const spliced = [lines[0]!, journal(4)[1]!.replace(/"prev":"[0-9a-f]{64}"/, `"prev":"${'1'.repeat(64)}"`), lines[2]!];
    expect(verifyJournal(text(spliced), testHasher)).toMatchObject({ ok: false, line: 2 });
  });
});

describe('journal chain properties', () => {
  const size = fc.integer({ min: 2, max: 25 });

  it('any single character edit is detected at the edited record', () => {
    fc.assert(
      fc.property(size, fc.nat(), fc.nat(), fc.constantFrom('a', '0', '"', '}', ' ', 'é', '9'), (n, pick, at, replacement) => {
        const lines = journal(n);
        const i = pick % n;
        const line = lines[i]!;
        const position = at % line.length;
        fc.pre(line[position] !== replacement);
        lines[i] = line.slice(0, position) + replacement + line.slice(position + 1);
        const result = verifyJournal(text(lines), testHasher);
        expect(result).toMatchObject({ ok: false, line: i + 1, records: i });
      }),
      { numRuns: 400 },
    );
  });

  it('removing any record but the last is detected at its position; removing the last leaves the run unfinished', () => {
    fc.assert(
      fc.property(size, fc.nat(), (n, pick) => {
        const lines = journal(n);
        const i = pick % n;
        lines.splice(i, 1);
        const result = verifyJournal(text(lines), testHasher);
        if (i === n - 1) expect(result).toEqual({ ok: true, records: n - 1, finished: false });
        else expect(result).toMatchObject({ ok: false, line: i + 1, seq: i + 2, records: i });
      }),
      { numRuns: 300 },
    );
  });

  it('moving any record elsewhere is detected at the first position that changed', () => {
    fc.assert(
      fc.property(size, fc.nat(), fc.nat(), (n, a, b) => {
        const lines = journal(n);
        const from = a % n;
        const to = b % n;
        fc.pre(from !== to);
        const [moved] = lines.splice(from, 1);
        lines.splice(to, 0, moved!);
        const first = Math.min(from, to);
        expect(verifyJournal(text(lines), testHasher)).toMatchObject({ ok: false, line: first + 1, records: first });
      }),
      { numRuns: 300 },
    );
  });

  it('swapping two records is detected at the first of them', () => {
    fc.assert(
      fc.property(size, fc.nat(), fc.nat(), (n, a, b) => {
        const lines = journal(n);
        const i = a % n;
        const j = b % n;
        fc.pre(i !== j);
        [lines[i], lines[j]] = [lines[j]!, lines[i]!];
        expect(verifyJournal(text(lines), testHasher)).toMatchObject({ ok: false, line: Math.min(i, j) + 1 });
      }),
      { numRuns: 200 },
    );
  });
});
