// The journal's record format and hash chain. Pure: hashing comes in through
// a Hasher (node:crypto in main/storage/hasher.ts).
//
// Every line has one fixed layout, written by one function:
//   {"seq":N,"at":"ISO","type":"T","data":{...},"prev":"<64 hex>","hash":"<64 hex>"}
// `hash` is SHA-256 of the line up to (not including) `,"hash":...`, and
// `prev` is the previous line's hash (64 zeros for the first). Because the
// layout is fixed, the verifier hashes the exact text it read: no JSON parse,
// no re-serialisation, and a one-character edit anywhere is caught.
import type { JournalRecord, JournalRecordType } from './domain';
import { sanitizeDeep } from './sanitize';

export interface Hasher {
  /** SHA-256 of the UTF-8 bytes of text, as 64 lowercase hex digits. */
  sha256Hex(text: string): string;
}

export const GENESIS_HASH = '0'.repeat(64);
const HASH_PREFIX = ',"hash":"';
const PREV_PREFIX = ',"prev":"';
/** `,"hash":"` + 64 hex + `"}` */
const HASH_SUFFIX_LENGTH = HASH_PREFIX.length + 64 + 2;
/** `,"prev":"` + 64 hex + `"` */
const PREV_SUFFIX_LENGTH = PREV_PREFIX.length + 64 + 1;
const hex64 = /^[0-9a-f]{64}$/;

export function recordBody(seq: number, at: string, type: JournalRecordType, data: unknown, prev: string): string {
  return `{"seq":${seq},"at":${JSON.stringify(at)},"type":${JSON.stringify(type)},"data":${JSON.stringify(data ?? null)},"prev":"${prev}"`;
}

export interface ChainPosition {
  seq: number;
  hash: string;
}

/** Produces the next lines of one run's journal. Every record's data is sanitised: no secret enters the journal. */
export class JournalChain {
  private seq: number;
  private prev: string;

  constructor(
    private readonly hasher: Hasher,
    last: ChainPosition = { seq: 0, hash: GENESIS_HASH },
  ) {
    this.seq = last.seq;
    this.prev = last.hash;
  }

  next(type: JournalRecordType, data: unknown, at: string): { line: string; record: JournalRecord } {
    const seq = this.seq + 1;
    const clean = sanitizeDeep(data ?? null);
    const body = recordBody(seq, at, type, clean, this.prev);
    const hash = this.hasher.sha256Hex(body);
    const record: JournalRecord = { seq, at, type, data: clean, prev: this.prev, hash };
    this.seq = seq;
    this.prev = hash;
    return { line: `${body}${HASH_PREFIX}${hash}"}`, record };
  }

  position(): ChainPosition {
    return { seq: this.seq, hash: this.prev };
  }
}

export type JournalVerification =
  | { ok: true; records: number; finished: boolean }
  | { ok: false; records: number; line: number; seq: number | null; problem: string };

function splitLines(text: string): string[] {
  const lines = text.split('\n');
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * A journal as its lines, and whether the text ended with a line break (a
 * last line without one was cut short). Storage reads large journals into
 * this shape line by line: a run of 100,000 accounts with their evidence
 * writes more text than the longest string V8 can hold.
 */
export interface JournalLines {
  lines: readonly string[];
  endsWithNewline: boolean;
}

export function journalLines(text: string): JournalLines {
  return { lines: splitLines(text), endsWithNewline: text.length === 0 || text.endsWith('\n') };
}

/**
 * Check the whole chain. On failure, name the first bad record: its line,
 * its claimed sequence number, and what is wrong (edited, missing, out of order, incomplete).
 */
export function verifyJournal(text: string, hasher: Hasher): JournalVerification {
  return verifyJournalLines(journalLines(text), hasher);
}

/** verifyJournal on lines already split (see JournalLines). */
export function verifyJournalLines(journal: JournalLines, hasher: Hasher): JournalVerification {
  const { lines, endsWithNewline } = journal;
  let prev = GENESIS_HASH;
  let finished = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const lineNo = i + 1;
    const bad = (seq: number | null, problem: string): JournalVerification => ({ ok: false, records: i, line: lineNo, seq, problem });
    const seqMatch = /^\{"seq":(\d+),/.exec(line);
    const seq = seqMatch ? Number(seqMatch[1]) : null;
    const torn = i === lines.length - 1 && !endsWithNewline;
    if (
      line.length < HASH_SUFFIX_LENGTH + PREV_SUFFIX_LENGTH ||
      !line.endsWith('"}') ||
      !line.startsWith(HASH_PREFIX, line.length - HASH_SUFFIX_LENGTH) ||
      seq === null
    ) {
      return bad(seq, torn ? 'the last record is incomplete: the run stopped while writing it' : 'the line is not a journal record');
    }
    const claimed = line.slice(line.length - HASH_SUFFIX_LENGTH + HASH_PREFIX.length, line.length - 2);
    const body = line.slice(0, line.length - HASH_SUFFIX_LENGTH);
    if (!hex64.test(claimed) || hasher.sha256Hex(body) !== claimed) {
      return bad(seq, 'its content does not match its hash: the record was edited');
    }
    if (seq !== lineNo) {
      return bad(seq, `expected record ${lineNo} here but found record ${seq}: a record was removed or records were reordered`);
    }
    if (!body.startsWith(PREV_PREFIX, body.length - PREV_SUFFIX_LENGTH) || body.slice(body.length - 65, body.length - 1) !== prev) {
      return bad(seq, 'it does not continue the chain from the record before it: a record was removed, inserted or reordered');
    }
    // The type sits at a fixed place in the layout, right after the timestamp.
    if (line.startsWith('run-ended"', line.indexOf('","type":"') + 10)) finished = true;
    prev = claimed;
  }
  return { ok: true, records: lines.length, finished };
}

export interface ParsedJournal {
  records: JournalRecord[];
  /** The last line was cut short by a crash (never acknowledged, safe to drop). */
  tornTail: boolean;
}

/** Parse the lines into records (no chain check; use verifyJournal for that). */
export function parseJournal(text: string): ParsedJournal {
  return parseJournalLines(journalLines(text));
}

/** parseJournal on lines already split (see JournalLines). */
export function parseJournalLines(journal: JournalLines): ParsedJournal {
  const { lines, endsWithNewline } = journal;
  const records: JournalRecord[] = [];
  let tornTail = false;
  for (let i = 0; i < lines.length; i++) {
    try {
      records.push(JSON.parse(lines[i] as string) as JournalRecord);
    } catch {
      if (i === lines.length - 1 && !endsWithNewline) tornTail = true;
      else throw new Error(`Line ${i + 1} of the journal is not a valid record; run "rekey journal verify" on the file.`);
    }
  }
  return { records, tornTail };
}

/** Where to continue the chain after the last complete record. */
export function chainPosition(records: readonly JournalRecord[]): ChainPosition {
  const last = records[records.length - 1];
  return last ? { seq: last.seq, hash: last.hash } : { seq: 0, hash: GENESIS_HASH };
}
