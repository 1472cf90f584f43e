// A console around directories the test controls: the same services
// createConsoleServices builds (snapshot, plans, runs, verify, activity,
// exclusions) over a real flow and a real journal store, but with the
// directories handed in instead of coming from connections.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EventName, EventPayloadOf } from '../../../preload/contract';
import type { Account, Directory, RunEvent } from '../../../main/core/domain';
import type { Clock } from '../../../main/core/ports';
import type { RunJournalStore } from '../../../main/core/run-records';
import { AccountsService } from '../../../main/console/accounts';
import { AccountsSnapshots } from '../../../main/console/accounts-snapshot';
import { ActivityService } from '../../../main/console/activity';
import type { ConsoleEmit } from '../../../main/console/events';
import { ExclusionsService } from '../../../main/console/exclusions';
import { PlanService } from '../../../main/console/plans';
import { RunService } from '../../../main/console/runs';
import { VerifyService } from '../../../main/console/verify';
import { createRekeyFlow, type RekeyFlow } from '../../../main/flow/service';
import { nodeHasher } from '../../../main/storage/hasher';
import { JournalFileStore } from '../../../main/storage/journal-file';
import { memorySettingsStore, type SettingsStore } from '../../../main/storage/settings';
import { FakeClock } from '../core/fakes';

export interface EmittedEvent {
  name: EventName;
  payload: unknown;
}

export interface TestConsole {
  dataDir: string;
  clock: Clock;
  settings: SettingsStore;
  flow: RekeyFlow;
  journals: RunJournalStore;
  snapshots: AccountsSnapshots;
  accounts: AccountsService;
  plans: PlanService;
  runs: RunService;
  verify: VerifyService;
  activity: ActivityService;
  exclusions: ExclusionsService;
  events: EmittedEvent[];
  runEvents(runId?: string): RunEvent[];
  /** Resolves with the run-finished event of a run. */
  finished(runId: string): Promise<Extract<RunEvent, { type: 'run-finished' }>>;
  close(): Promise<void>;
}

export interface TestConsoleOptions {
  clock?: Clock;
  settings?: SettingsStore;
  journals?: (dataDir: string) => RunJournalStore;
  progressIntervalMs?: number;
  pageWaitMs?: number;
}

export async function testConsole(directories: () => Directory[], options: TestConsoleOptions = {}): Promise<TestConsole> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'rekey-console-'));
  const clock = options.clock ?? new FakeClock(Date.now());
  const settings = options.settings ?? memorySettingsStore();
  const journals = options.journals?.(dataDir) ?? new JournalFileStore({ dataDir, hasher: nodeHasher, clock });
  const events: EmittedEvent[] = [];
  const waiters: Array<() => void> = [];
  const emit: ConsoleEmit = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => {
    events.push({ name, payload });
    for (const wake of waiters.splice(0)) wake();
  };
  const flow = createRekeyFlow({ directories, settings, journals, hasher: nodeHasher, clock, operator: 'tester', practice: false });
  const snapshots = new AccountsSnapshots(directories, { pageWaitMs: options.pageWaitMs ?? 1000 });
  const plans = new PlanService(flow, snapshots, settings);
  const runs = new RunService({ flow, plans, snapshots, emit, log: () => {}, ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}) });
  const runEvents = (runId?: string) =>
    events.filter((e) => e.name === 'run.event').map((e) => e.payload as RunEvent).filter((e) => runId === undefined || e.runId === runId);
  return {
    dataDir,
    clock,
    settings,
    flow,
    journals,
    snapshots,
    accounts: new AccountsService(snapshots, directories),
    plans,
    runs,
    verify: new VerifyService(flow, directories, emit),
    activity: new ActivityService(flow),
    exclusions: new ExclusionsService(settings, snapshots, () => clock.now()),
    events,
    runEvents,
    async finished(runId) {
      for (;;) {
        const done = runEvents(runId).find((e) => e.type === 'run-finished');
        if (done) return done as Extract<RunEvent, { type: 'run-finished' }>;
        await new Promise<void>((resolve) => waiters.push(resolve));
      }
    },
    async close() {
      await runs.close();
      snapshots.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A deferred promise the test resolves. */
export function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

export function keysOf(accounts: readonly Account[]): string[] {
  return accounts.map((a) => `${a.directoryId}|${a.id}`);
}
