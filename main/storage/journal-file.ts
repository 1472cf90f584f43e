// Journal files: <dataDir>/runs/<runId>.jsonl, one per run, append-only.
// Records are appended in one write per batch and fsync'ed before append()
// resolves: the engine reports a step only after that, so anything reported
// survives a crash or power loss. The format and chain are core's (journal.ts).
import { readFileSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, truncate, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { JournalRecord } from '../core/domain';
import { chainPosition, JournalChain, parseJournalLines, verifyJournalLines, type Hasher, type JournalLines, type JournalVerification } from '../core/journal';
import type { Clock } from '../core/ports';
import { systemClock } from '../core/ports';
import type { JournalEntry, OpenRunJournal, RunJournalStore } from '../core/run-records';
import { nodeHasher } from './hasher';

const runIdPattern = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;

export function assertRunId(runId: string): void {
  if (!runIdPattern.test(runId)) throw new Error(`"${runId}" is not a valid run id (letters, digits, "-" and "_" only).`);
}

export function runsDirectory(dataDir: string): string {
  return path.join(dataDir, 'runs');
}

function readFailure(file: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return new Error(`No journal file at ${file}.`);
  return new Error(`The journal file ${file} could not be read: ${(error as Error).message}`);
}

/** Read a journal file given by path (rekey journal verify / report). */
export async function readJournalText(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw readFailure(file, error);
  }
}

/**
 * A journal file's lines, decoded one by one from its bytes. Never the whole
 * file as one string: a run of 100,000 Windows accounts with their evidence
 * journals more text than the longest string V8 can hold (about 512 MB), and
 * could then neither finish, nor be resumed, reported or verified.
 * `completeBytes`: the length of the file up to its last line break.
 */
export async function readJournalLines(file: string): Promise<JournalLines & { completeBytes: number }> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    throw readFailure(file, error);
  }
  const lines: string[] = [];
  let start = 0;
  for (let end = bytes.indexOf(0x0a, start); end !== -1; end = bytes.indexOf(0x0a, start)) {
    lines.push(bytes.toString('utf8', start, end));
    start = end + 1;
  }
  const completeBytes = start;
  if (start < bytes.length) lines.push(bytes.toString('utf8', start));
  return { lines, endsWithNewline: bytes.length === 0 || bytes[bytes.length - 1] === 0x0a, completeBytes };
}

/** Lines go to the disk in writes of about this many characters (one string per write). */
const writeChunkChars = 8 * 1024 * 1024;

/**
 * One writer per journal, across processes: <runId>.lock holds the writer's
 * pid. A lock whose process is gone (it crashed) is taken over; a live one
 * is refused, so the console and the CLI never interleave appends.
 */
const locksHeldHere = new Set<string>();

async function acquireLock(lockFile: string, runId: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      if (locksHeldHere.has(lockFile)) throw new Error(`Run ${runId} is already open for writing in this process; wait for it to finish.`);
      await writeFile(lockFile, String(process.pid), { flag: 'wx', mode: 0o600 });
      locksHeldHere.add(lockFile);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
      // Our own pid in a lock we do not hold means a previous process with the same pid crashed.
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
        throw new Error(`Run ${runId} is being written by another Rekey process (pid ${holder}); wait for it to finish.`);
      }
      await rm(lockFile, { force: true });
    }
  }
  throw new Error(`Could not lock the journal of run ${runId}; try again.`);
}

async function releaseLock(lockFile: string): Promise<void> {
  locksHeldHere.delete(lockFile);
  await rm(lockFile, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  // On Linux a killed process whose parent died can linger as a zombie (state Z) until
  // someone reaps it; it answers signal 0 but will never write again.
  if (process.platform === 'linux') {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
      if (state === 'Z' || state === 'X') return false;
    } catch {
      return false;
    }
  }
  return true;
}

interface PendingAppend {
  entries: JournalEntry[];
  resolve: () => void;
  reject: (error: unknown) => void;
}

class JournalFile implements OpenRunJournal {
  private pending: PendingAppend[] = [];
  private writing = false;
  /** Settles once everything appended so far is written (never rejects: failures go to the appends). */
  private drained: Promise<void> = Promise.resolve();
  private broken: Error | null = null;

  constructor(
    readonly runId: string,
    private readonly file: string,
    private readonly handle: FileHandle,
    private chain: JournalChain,
    private readonly hasher: Hasher,
    private readonly clock: Clock,
    private readonly lockFile: string,
  ) {}

  /**
   * Group commit: appends made while a write is on its way to the disk wait
   * for it, then go out together in one write and one fsync. Each append
   * still resolves only once its own records are durable, and records keep
   * the order the appends were made in. (One fsync per append, queued behind
   * each other, made the journal rather than the directory set the pace of
   * a large run: the Entra benchmark's engine workers spent as long waiting
   * for the journal as for Graph.)
   */
  append(entries: JournalEntry[]): Promise<void> {
    if (entries.length === 0) return this.drained;
    const appended = new Promise<void>((resolve, reject) => this.pending.push({ entries, resolve, reject }));
    if (!this.writing) this.drained = this.flush();
    return appended;
  }

  private async flush(): Promise<void> {
    // The loop and the flag live in this one function, so `writing` is
    // cleared in the same step that resolves the last group: an append made
    // by a caller that just resumed always starts (or joins) a flush.
    this.writing = true;
    try {
      while (this.pending.length > 0) {
        const group = this.pending.splice(0);
        if (this.broken) {
          for (const append of group) append.reject(this.broken);
          continue;
        }
        const at = new Date(this.clock.now()).toISOString();
        // Each append is rendered on a copy of the chain: one that cannot be
        // rendered is refused alone and leaves no gap in the chain.
        let chain = this.chain;
        const lines: string[] = [];
        const rendered: PendingAppend[] = [];
        for (const append of group) {
          const trial = new JournalChain(this.hasher, chain.position());
          const mark = lines.length;
          try {
            for (const entry of append.entries) lines.push(`${trial.next(entry.type, entry.data, at).line}\n`);
          } catch (error) {
            lines.length = mark;
            append.reject(error);
            continue;
          }
          chain = trial;
          rendered.push(append);
        }
        if (rendered.length === 0) continue;
        try {
          // In writes of a few MB: a group can hold more text than one string may.
          for (let i = 0; i < lines.length; ) {
            let size = 0;
            const chunk: string[] = [];
            while (i < lines.length && (chunk.length === 0 || size + (lines[i] as string).length <= writeChunkChars)) {
              size += (lines[i] as string).length;
              chunk.push(lines[i++] as string);
            }
            await this.handle.write(chunk.join(''));
          }
          await this.handle.sync();
        } catch (error) {
          // Part of the group may be on disk: refuse further writes rather than write a broken chain.
          this.broken = new Error(`Writing the journal ${this.file} failed (${(error as Error).message}); no further results can be recorded.`);
          for (const append of rendered) append.reject(this.broken);
          continue;
        }
        this.chain = chain;
        for (const append of rendered) append.resolve();
      }
    } finally {
      this.writing = false;
    }
  }

  async close(): Promise<void> {
    await this.drained;
    try {
      await this.handle.close();
    } finally {
      await releaseLock(this.lockFile);
    }
  }
}

export interface JournalFileStoreOptions {
  dataDir: string;
  hasher?: Hasher;
  clock?: Clock;
}

export class JournalFileStore implements RunJournalStore {
  private readonly dir: string;
  private readonly hasher: Hasher;
  private readonly clock: Clock;

  constructor(options: JournalFileStoreOptions) {
    this.dir = runsDirectory(options.dataDir);
    this.hasher = options.hasher ?? nodeHasher;
    this.clock = options.clock ?? systemClock;
  }

  pathOf(runId: string): string {
    assertRunId(runId);
    return path.join(this.dir, `${runId}.jsonl`);
  }

  private lockOf(runId: string): string {
    return path.join(this.dir, `${runId}.lock`);
  }

  async create(runId: string): Promise<OpenRunJournal> {
    const file = this.pathOf(runId);
    await mkdir(this.dir, { recursive: true, mode: 0o700 });
    let handle: FileHandle;
    try {
      handle = await open(file, 'wx', 0o600);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new Error(`Run ${runId} already has a journal; a run id is never reused.`);
      throw error;
    }
    try {
      await acquireLock(this.lockOf(runId), runId);
    } catch (error) {
      await handle.close();
      await rm(file, { force: true });
      throw error;
    }
    return new JournalFile(runId, file, handle, new JournalChain(this.hasher), this.hasher, this.clock, this.lockOf(runId));
  }

  async reopen(runId: string): Promise<OpenRunJournal> {
    const file = this.pathOf(runId);
    await acquireLock(this.lockOf(runId), runId);
    try {
      return await this.openForAppend(runId, file);
    } catch (error) {
      await releaseLock(this.lockOf(runId));
      throw error;
    }
  }

  private async openForAppend(runId: string, file: string): Promise<OpenRunJournal> {
    const journal = await readJournalLines(file);
    const parsed = parseJournalLines(journal);
    if (parsed.tornTail) {
      // The last line was being written when the process died. It was never
      // acknowledged (append resolves after fsync), so nothing reported is lost.
      await truncate(file, journal.completeBytes);
    }
    const handle = await open(file, 'a', 0o600);
    return new JournalFile(runId, file, handle, new JournalChain(this.hasher, chainPosition(parsed.records)), this.hasher, this.clock, this.lockOf(runId));
  }

  async read(runId: string): Promise<JournalRecord[]> {
    return parseJournalLines(await readJournalLines(this.pathOf(runId))).records;
  }

  readText(runId: string): Promise<string> {
    return readJournalText(this.pathOf(runId));
  }

  /** Check the hash chain line by line (readText would fail on a journal longer than a string can be). */
  async verify(runId: string): Promise<JournalVerification> {
    return verifyJournalLines(await readJournalLines(this.pathOf(runId)), this.hasher);
  }

  async list(): Promise<string[]> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    const runs = await Promise.all(
      names
        .filter((name) => name.endsWith('.jsonl') && runIdPattern.test(name.slice(0, -6)))
        .map(async (name) => ({ runId: name.slice(0, -6), created: (await stat(path.join(this.dir, name))).birthtimeMs })),
    );
    // Run ids start with their UTC start time, so the name order is the start order; birth time breaks ties.
    return runs.sort((a, b) => (a.runId < b.runId ? -1 : a.runId > b.runId ? 1 : a.created - b.created)).map((r) => r.runId);
  }
}
