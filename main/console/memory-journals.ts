// Run journals kept in memory, line for line what the file store writes (same
// chain, same hashes). For a console without a data folder: the fallback
// handler table of the practice host, where nothing may be written to disk.
import type { JournalRecord } from '../core/domain';
import { chainPosition, JournalChain, parseJournal, type Hasher } from '../core/journal';
import type { Clock } from '../core/ports';
import type { OpenRunJournal, RunJournalStore } from '../core/run-records';

export class MemoryJournalStore implements RunJournalStore {
  private readonly texts = new Map<string, string>();
  private readonly writing = new Set<string>();

  constructor(
    private readonly hasher: Hasher,
    private readonly clock: Clock,
  ) {}

  async create(runId: string): Promise<OpenRunJournal> {
    if (this.texts.has(runId)) throw new Error(`Run ${runId} already has a journal; a run id is never reused.`);
    this.texts.set(runId, '');
    return this.open(runId, new JournalChain(this.hasher));
  }

  async reopen(runId: string): Promise<OpenRunJournal> {
    const records = await this.read(runId);
    return this.open(runId, new JournalChain(this.hasher, chainPosition(records)));
  }

  async read(runId: string): Promise<JournalRecord[]> {
    return parseJournal(await this.readText(runId)).records;
  }

  async readText(runId: string): Promise<string> {
    const text = this.texts.get(runId);
    if (text === undefined) throw new Error(`There is no run ${runId} in this console.`);
    return text;
  }

  async list(): Promise<string[]> {
    return [...this.texts.keys()].sort();
  }

  private open(runId: string, chain: JournalChain): OpenRunJournal {
    if (this.writing.has(runId)) throw new Error(`Run ${runId} is already open for writing; wait for it to finish.`);
    this.writing.add(runId);
    return {
      runId,
      append: async (entries) => {
        const at = new Date(this.clock.now()).toISOString();
        const lines = entries.map((entry) => `${chain.next(entry.type, entry.data, at).line}\n`).join('');
        this.texts.set(runId, (this.texts.get(runId) ?? '') + lines);
      },
      close: async () => {
        this.writing.delete(runId);
      },
    };
  }
}
