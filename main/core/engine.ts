// The run engine: executes the approved part of a plan, per directory, in
// batches, paced by the directory's hints, retrying transient failures,
// cancellable, journaling every result BEFORE reporting it.
//
// Cancellation: `signal` stops new work (batches not yet started and retries
// not yet made are marked cancelled); calls already in flight finish.
// `hardSignal` is passed to the directory to abort calls in flight too.
import { accountLabel } from './labels';
import type { Account, AccountResetResult, AccountRunOutcome, Directory, ResetOptions, RunEvent, StepKind, StepResult } from './domain';
import type { Clock } from './ports';
import { effectivePacing, RateLimiter, type PacingSettings } from './pacing';
import { ProgressTracker } from './progress';
import { backoffDelay, defaultRetryPolicy, isTransientFailure, type RetryPolicy } from './retry';
import type { JournalEntry, RunJournal, StepOutcome } from './run-records';
import { sanitizeDeep } from './sanitize';

export interface RunWork {
  key: string;
  account: Account;
  /** Applicable steps, in run order. Empty: nothing to do. */
  steps: StepKind[];
}

export interface AccountRun {
  key: string;
  account: Account;
  outcome: AccountRunOutcome;
  /** Final result per step, in run order. */
  steps: StepOutcome[];
}

export interface EngineInput {
  runId: string;
  work: readonly RunWork[];
  directories: ReadonlyMap<string, Directory>;
  options: ResetOptions;
  clock: Clock;
  journal: RunJournal;
  signal?: AbortSignal;
  hardSignal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  retry?: RetryPolicy;
  pacing?: PacingSettings;
  random?: () => number;
}

export interface EngineResult {
  accounts: AccountRun[];
  cancelled: boolean;
}

export function outcomeOf(steps: readonly StepResult[]): AccountRunOutcome {
  if (steps.some((s) => s.status === 'failed')) return 'failed';
  if (steps.some((s) => s.status === 'cancelled')) return 'cancelled';
  if (steps.some((s) => s.status === 'done')) return 'applied';
  return 'nothing-to-do';
}

interface InFlight {
  work: RunWork;
  results: Map<StepKind, StepOutcome>;
  remaining: StepKind[];
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export async function runEngine(input: EngineInput): Promise<EngineResult> {
  const { runId, clock, journal } = input;
  const emit = input.onEvent ?? (() => undefined);
  const random = input.random ?? Math.random;
  const retry = input.retry ?? defaultRetryPolicy;
  const stop = new AbortController(); // our own stop, when the journal cannot be written
  const soft = input.signal ? AbortSignal.any([input.signal, stop.signal]) : stop.signal;
  const hard = input.hardSignal ?? new AbortController().signal;
  const tracker = new ProgressTracker(runId, input.work.length, clock);
  const finished = new Map<string, AccountRun>();
  const iso = () => new Date(clock.now()).toISOString();
  let journalError: unknown = null;

  for (const work of input.work) {
    if (work.steps.length > 0 && !input.directories.has(work.account.directoryId)) {
      throw new Error(`Directory ${work.account.directoryId} is not connected; connect it before running this plan.`);
    }
  }

  /** Journal first, then tell the world: a result nobody can find in the journal was never reported. */
  const record = async (entries: JournalEntry[]) => {
    try {
      await journal.append(entries);
    } catch (error) {
      journalError ??= error;
      stop.abort(error);
      throw error;
    }
  };

  const finish = (flight: InFlight, wasInFlight: boolean) => {
    const steps = flight.work.steps.map((step) => flight.results.get(step) as StepOutcome);
    const run: AccountRun = { key: flight.work.key, account: flight.work.account, outcome: outcomeOf(steps), steps };
    finished.set(run.key, run);
    tracker.finished(run.outcome, wasInFlight);
    return run;
  };

  const announceFinished = (run: AccountRun) => {
    for (const result of run.steps) emit({ type: 'step-finished', runId, key: run.key, login: accountLabel(run.account), result, attempt: result.attempt });
    emit({ type: 'account-finished', runId, key: run.key, login: accountLabel(run.account), outcome: run.outcome, at: iso() });
  };

  /** Mark steps cancelled (never started, or not retried) and journal it. */
  const cancelRemaining = async (flights: InFlight[], message: string, wasInFlight: boolean) => {
    if (flights.length === 0) return;
    const at = iso();
    const entries: JournalEntry[] = [];
    const runs: AccountRun[] = [];
    for (const flight of flights) {
      for (const step of flight.remaining) {
        const result: StepOutcome = { step, status: 'cancelled', message, evidence: [], at, startedAt: at, attempt: 0 };
        flight.results.set(step, result);
        entries.push({ type: 'step', data: { key: flight.work.key, result, final: true } });
      }
      const run = finish(flight, wasInFlight);
      entries.push({ type: 'account-finished', data: { key: run.key, outcome: run.outcome, via: 'run' } });
      runs.push(run);
    }
    await record(entries);
    runs.forEach(announceFinished);
    emit(tracker.snapshot());
  };

  const callReset = async (directory: Directory, flights: InFlight[]): Promise<Map<string, StepResult[]>> => {
    const at = () => iso();
    let answer: AccountResetResult[] | null = null;
    let failure: string | null = null;
    try {
      answer = await directory.reset({ items: flights.map((f) => ({ account: f.work.account, steps: f.remaining })), options: input.options }, hard);
    } catch (error) {
      failure = errorText(error);
    }
    const out = new Map<string, StepResult[]>();
    for (const flight of flights) {
      const mine = answer?.find((r) => r.accountId === flight.work.account.id && r.directoryId === flight.work.account.directoryId);
      out.set(
        flight.work.key,
        flight.remaining.map((step): StepResult => {
          if (failure !== null) {
            return hard.aborted
              ? { step, status: 'cancelled', message: `Stopped while ${directory.displayName} was working on it; verify to see whether it applied.`, evidence: [], at: at() }
              : { step, status: 'failed', message: `${directory.displayName} did not answer: ${failure}`, evidence: [], at: at(), retryable: true };
          }
          const result = mine?.steps.find((s) => s.step === step);
          if (!result) return { step, status: 'failed', message: `${directory.displayName} returned no result for this step.`, evidence: [], at: at(), retryable: true };
          return sanitizeDeep(result);
        }),
      );
    }
    return out;
  };

  const runBatch = async (directory: Directory, batch: RunWork[], limiter: RateLimiter) => {
    const flights: InFlight[] = batch.map((work) => ({ work, results: new Map(), remaining: [...work.steps] }));
    const writes = (list: InFlight[]) => list.reduce((sum, f) => sum + f.remaining.length, 0);
    if (soft.aborted) return cancelRemaining(flights, 'Not started: the run was cancelled.', false);
    try {
      await limiter.acquire(writes(flights), soft);
    } catch {
      return cancelRemaining(flights, 'Not started: the run was cancelled.', false);
    }
    await record(flights.map((f) => ({ type: 'account-started', data: { key: f.work.key, directoryId: directory.id, login: f.work.account.login, steps: f.work.steps } })));
    tracker.started(flights.length);
    for (const f of flights) emit({ type: 'account-started', runId, key: f.work.key, login: accountLabel(f.work.account), directoryId: directory.id, at: iso() });

    let pending = flights;
    for (let attempt = 1; pending.length > 0; attempt++) {
      const startedAt = iso();
      const answers = await callReset(directory, pending);
      const entries: JournalEntry[] = [];
      const runs: AccountRun[] = [];
      const retrying: Array<{ flight: InFlight; result: StepResult }> = [];
      for (const flight of pending) {
        const results = answers.get(flight.work.key) as StepResult[];
        const firstTransient = results.findIndex(isTransientFailure);
        const willRetry = firstTransient !== -1 && attempt < retry.maxAttempts && !soft.aborted;
        const again: StepKind[] = [];
        results.forEach((result, index) => {
          const outcome: StepOutcome = { ...result, startedAt, attempt };
          const settled = result.status === 'done' || result.status === 'not-applicable';
          if (willRetry && (index === firstTransient || (index > firstTransient && !settled))) {
            again.push(result.step);
            if (index === firstTransient) entries.push({ type: 'step', data: { key: flight.work.key, result: outcome, final: false } });
            return;
          }
          flight.results.set(result.step, outcome);
          entries.push({ type: 'step', data: { key: flight.work.key, result: outcome, final: true } });
        });
        if (willRetry) {
          flight.remaining = again;
          retrying.push({ flight, result: results[firstTransient] as StepResult });
        } else {
          flight.remaining = [];
          const run = finish(flight, true);
          entries.push({ type: 'account-finished', data: { key: run.key, outcome: run.outcome, via: 'run' } });
          runs.push(run);
        }
      }
      await record(entries);
      runs.forEach(announceFinished);
      emit(tracker.snapshot());
      if (retrying.length === 0) break;

      const delayMs = Math.max(...retrying.map(({ result }) => backoffDelay(attempt, result.retryAfterMs, retry, random)));
      const first = retrying[0]?.result as StepResult;
      emit({
        type: 'retry-scheduled',
        runId,
        keys: retrying.map((r) => r.flight.work.key),
        attempt: attempt + 1,
        delayMs,
        reason: first.message,
        at: iso(),
      });
      pending = retrying.map((r) => r.flight);
      try {
        await clock.sleep(delayMs, soft);
        await limiter.acquire(writes(pending), soft);
      } catch {
        if (journalError) throw journalError;
        await cancelRemaining(pending, 'Not retried: the run was cancelled while waiting to retry a transient failure.', true);
        break;
      }
    }
  };

  const runDirectory = async (directory: Directory, work: RunWork[]) => {
    const pacing = effectivePacing(directory.pacing, input.pacing);
    const limiter = new RateLimiter(pacing.ratePerSecond, clock);
    const batches: RunWork[][] = [];
    for (let i = 0; i < work.length; i += pacing.batchSize) batches.push(work.slice(i, i + pacing.batchSize));
    let next = 0;
    const worker = async () => {
      while (next < batches.length) {
        const batch = batches[next++] as RunWork[];
        if (journalError) return;
        await runBatch(directory, batch, limiter);
      }
    };
    await Promise.all(Array.from({ length: Math.min(pacing.concurrency, batches.length) }, worker));
  };

  emit({ type: 'run-started', runId, total: input.work.length, at: iso() });
  const idle = input.work.filter((w) => w.steps.length === 0);
  if (idle.length > 0) {
    const flights: InFlight[] = idle.map((work) => ({ work, results: new Map(), remaining: [] }));
    const runs = flights.map((f) => finish(f, false));
    await record(runs.map((run) => ({ type: 'account-finished', data: { key: run.key, outcome: run.outcome, via: 'run' } })));
    runs.forEach(announceFinished);
  }
  const byDirectory = new Map<string, RunWork[]>();
  for (const work of input.work) {
    if (work.steps.length === 0) continue;
    const list = byDirectory.get(work.account.directoryId) ?? [];
    list.push(work);
    byDirectory.set(work.account.directoryId, list);
  }
  const settled = await Promise.allSettled([...byDirectory].map(([id, work]) => runDirectory(input.directories.get(id) as Directory, work)));
  if (journalError) throw new Error(`The journal could not be written (${errorText(journalError)}); the run stopped so that no result goes unrecorded.`);
  const crashed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (crashed) throw crashed.reason;
  emit(tracker.snapshot());
  return { accounts: input.work.map((w) => finished.get(w.key) as AccountRun), cancelled: input.signal?.aborted ?? false };
}
