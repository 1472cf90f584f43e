// Test doubles shared by the core, flow and CLI tests: a virtual clock, an
// in-memory journal store, a scripted directory and an account factory.
import { createHash } from 'node:crypto';
import type {
  Account,
  AccountPlan,
  AccountResetResult,
  Directory,
  DirectoryCapabilities,
  DirectoryKind,
  JournalRecord,
  PacingHints,
  ResetBatch,
  StepKind,
  StepResult,
  VerifiedState,
} from '../../../main/core/domain';
import { chainPosition, JournalChain, parseJournal, type Hasher } from '../../../main/core/journal';
import type { Clock } from '../../../main/core/ports';
import type { JournalEntry, OpenRunJournal, RunJournal, RunJournalStore } from '../../../main/core/run-records';

export const testHasher: Hasher = { sha256Hex: (text) => createHash('sha256').update(text, 'utf8').digest('hex') };

/** Virtual time: sleep() moves the clock forward instead of waiting (concurrent sleepers overlap, as real ones do). */
export class FakeClock implements Clock {
  sleeps: number[] = [];
  constructor(public current = Date.parse('2026-05-04T09:00:00.000Z')) {}
  now = (): number => this.current;
  sleep = (ms: number, signal?: AbortSignal): Promise<void> => {
    this.sleeps.push(ms);
    const wake = this.current + Math.max(0, ms);
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      setImmediate(() => {
        if (signal?.aborted) return reject(signal.reason);
        this.current = Math.max(this.current, wake);
        resolve();
      });
    });
  };
}

let counter = 0;
export function makeAccount(overrides: Partial<Account> & { attributes?: Account['attributes'] } = {}): Account {
  counter++;
  const login = overrides.login ?? `user${counter}@contoso.example`;
  return {
    directoryId: 'entra:test',
    kind: 'entra',
    id: `id-${counter}`,
    login,
    displayName: `User ${counter}`,
    enabled: true,
    privileged: false,
    groups: [],
    ...overrides,
    attributes: { ...overrides.attributes },
  };
}

/** Records appended to a run, in order; optionally fails on the nth append. */
export class MemoryJournal implements RunJournal {
  entries: JournalEntry[] = [];
  appends = 0;
  constructor(
    private readonly onAppend?: (entries: JournalEntry[]) => void,
    private readonly failOnAppend?: number,
  ) {}
  async append(entries: JournalEntry[]): Promise<void> {
    this.appends++;
    if (this.failOnAppend !== undefined && this.appends >= this.failOnAppend) throw new Error('disk full');
    this.entries.push(...entries);
    this.onAppend?.(entries);
  }
  ofType<T extends JournalEntry['type']>(type: T): Extract<JournalEntry, { type: T }>['data'][] {
    return this.entries.filter((e) => e.type === type).map((e) => e.data) as never;
  }
}

/** A RunJournalStore in memory, producing exactly the lines the file store writes. */
export class MemoryJournalStore implements RunJournalStore {
  texts = new Map<string, string>();
  constructor(private readonly clock: Clock) {}
  private open(runId: string, chain: JournalChain): OpenRunJournal {
    return {
      runId,
      append: async (entries) => {
        const at = new Date(this.clock.now()).toISOString();
        const text = entries.map((e) => `${chain.next(e.type, e.data, at).line}\n`).join('');
        this.texts.set(runId, (this.texts.get(runId) ?? '') + text);
      },
      close: async () => undefined,
    };
  }
  async create(runId: string) {
    if (this.texts.has(runId)) throw new Error('exists');
    this.texts.set(runId, '');
    return this.open(runId, new JournalChain(testHasher));
  }
  async reopen(runId: string) {
    const records = parseJournal(this.texts.get(runId) ?? '').records;
    return this.open(runId, new JournalChain(testHasher, chainPosition(records)));
  }
  async read(runId: string): Promise<JournalRecord[]> {
    return parseJournal(await this.readText(runId)).records;
  }
  async readText(runId: string) {
    const text = this.texts.get(runId);
    if (text === undefined) throw new Error(`no run ${runId}`);
    return text;
  }
  async list() {
    return [...this.texts.keys()].sort();
  }
}

export const allCapabilities: DirectoryCapabilities = { forceChange: true, forceChangeWithMfa: true, endSessions: true, readsSessionRevocation: true, clearNeverExpires: true };

export type StepScript = (account: Account, step: StepKind, call: number) => Partial<StepResult> | undefined;

/**
 * A directory whose answers a test scripts per account and step. Records
 * every reset call (accounts and steps) and the highest concurrency seen.
 */
export class ScriptedDirectory implements Directory {
  readonly kind: DirectoryKind;
  calls: Array<{ logins: string[]; steps: StepKind[][]; at: number }> = [];
  inFlight = 0;
  maxInFlight = 0;
  stepCalls = new Map<string, number>();
  state = new Map<string, { mustChange: boolean; revokedAt: string | null; neverExpires: boolean }>();

  constructor(
    readonly id: string,
    readonly accounts: Account[],
    readonly pacing: PacingHints = { batchSize: 2, maxConcurrency: 2 },
    private readonly script: StepScript = () => undefined,
    private readonly clock: Clock = new FakeClock(),
    readonly capabilities: DirectoryCapabilities = allCapabilities,
    readonly displayName = `Scripted ${id}`,
    private readonly callDelayMs = 5,
  ) {
    this.kind = accounts[0]?.kind ?? 'entra';
  }

  async *listAccounts(query: { search?: string }) {
    yield this.accounts.filter((a) => !query.search || a.login.includes(query.search));
  }

  async planReset(accounts: Account[]): Promise<AccountPlan[]> {
    return accounts.map((account) => ({
      account,
      steps: [
        { step: 'clear-never-expires', applicable: account.attributes.neverExpires === true, description: 'clear' },
        { step: 'force-change', applicable: !account.attributes.synced, description: 'force' },
        { step: 'end-sessions', applicable: true, description: 'end' },
      ],
      warnings: [],
    }));
  }

  async reset(batch: ResetBatch, signal: AbortSignal): Promise<AccountResetResult[]> {
    this.calls.push({ logins: batch.items.map((i) => i.account.login), steps: batch.items.map((i) => i.steps), at: this.clock.now() });
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.clock.sleep(this.callDelayMs, signal);
      return batch.items.map((item) => ({
        directoryId: this.id,
        accountId: item.account.id,
        steps: item.steps.map((step): StepResult => {
          const key = `${item.account.login}|${step}`;
          const call = (this.stepCalls.get(key) ?? 0) + 1;
          this.stepCalls.set(key, call);
          const scripted = this.script(item.account, step, call);
          const result: StepResult = { step, status: 'done', message: `${step} done`, evidence: [{ kind: 'http', method: 'POST', url: `/x/${item.account.id}`, status: 200, at: new Date(this.clock.now()).toISOString() }], at: new Date(this.clock.now()).toISOString(), ...scripted };
          if (result.status === 'done') {
            const s = this.state.get(item.account.id) ?? { mustChange: false, revokedAt: null, neverExpires: item.account.attributes.neverExpires === true };
            if (step === 'force-change') s.mustChange = true;
            if (step === 'end-sessions') s.revokedAt = new Date(this.clock.now()).toISOString();
            if (step === 'clear-never-expires') s.neverExpires = false;
            this.state.set(item.account.id, s);
          }
          return result;
        }),
      }));
    } finally {
      this.inFlight--;
    }
  }

  async readState(accounts: Account[]): Promise<VerifiedState[]> {
    return accounts.map((account) => {
      const s = this.state.get(account.id);
      return {
        directoryId: this.id,
        accountId: account.id,
        mustChange: s?.mustChange ? 'yes' : 'no',
        sessionsRevokedSince: s?.revokedAt ?? null,
        neverExpires: s?.neverExpires ?? account.attributes.neverExpires === true,
        checkedAt: new Date(this.clock.now()).toISOString(),
        via: 'scripted',
        evidence: [],
      };
    });
  }
}
