// run.* : start a plan in the background with the operator's answers, relay
// its events, cancel it, retry what did not work, resume an interrupted run,
// and show a run as its journal records it. One AbortController per run.
import { setMaxListeners } from 'node:events';
import type { RunView } from '../../preload/contract';
import type { Plan, RunEvent } from '../core/domain';
import { accountLabel } from '../core/labels';
import type { ApprovalAnswer } from '../core/policy';
import { buildRunReport } from '../core/report';
import { finalStateOf } from '../core/run-state';
import { summarise, type RunSummary } from '../flow/runs';
import type { RekeyFlow, RunControls, RunOutcome } from '../flow/service';
import type { AccountsSnapshots } from './accounts-snapshot';
import type { ConsoleEmit } from './events';
import type { PlanService } from './plans';
import { RunEventRelay } from './run-events';

/** Listeners a run's signals may have before Node warns of a leak (batches x calls in flight x pacing waits). */
export const signalListenerLimit = 1000;

/** Final states worth another attempt. */
const retryStates = new Set(['failed', 'not-verified', 'could-not-verify', 'cancelled']);

interface ActiveRun {
  soft: AbortController;
  hard: AbortController;
  done: Promise<void>;
}

export interface RunServiceDeps {
  flow: RekeyFlow;
  plans: PlanService;
  snapshots: AccountsSnapshots;
  emit: ConsoleEmit;
  log: (line: string) => void;
  /** Coalescing interval for progress events (default 100 ms). */
  progressIntervalMs?: number;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class RunService {
  private readonly active = new Map<string, ActiveRun>();

  constructor(private readonly deps: RunServiceDeps) {}

  /** Start a run; resolves with its id once its journal exists (errors before that, e.g. a directory not connected, reject). */
  start(planId: string, answers: ReadonlyArray<{ key: string; confirmed?: boolean; typedText?: string }>): Promise<{ runId: string }> {
    const plan = this.deps.plans.get(planId);
    const byKey = new Map<string, ApprovalAnswer>();
    for (const answer of answers) {
      byKey.set(answer.key, {
        ...(answer.confirmed !== undefined ? { confirmed: answer.confirmed } : {}),
        ...(answer.typedText !== undefined ? { typedText: answer.typedText } : {}),
      });
    }
    return this.launch((controls) => this.deps.flow.run(plan, byKey, controls));
  }

  resume(runId: string): Promise<{ runId: string }> {
    if (this.active.has(runId)) throw new Error(`Run ${runId} is running in this window already.`);
    return this.launch((controls) => this.deps.flow.resume(runId, controls));
  }

  /** Stop starting new work; calls in flight finish, then the touched accounts are verified and the run ends as cancelled. */
  cancel(runId: string): { cancelling: boolean } {
    const run = this.active.get(runId);
    if (!run) return { cancelling: false };
    run.soft.abort(new Error('Cancelled by the operator.'));
    return { cancelling: true };
  }

  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /** A new plan of the accounts that failed, were cancelled or did not verify, with the run's options and exclusion sets. */
  async retryFailed(runId: string): Promise<Plan> {
    if (this.active.has(runId)) throw new Error(`Run ${runId} is still running; retry its failures once it has finished.`);
    const run = await this.deps.flow.readRun(runId);
    const snapshot = this.deps.snapshots.peek();
    const accounts = [...run.accounts.values()]
      .filter((state) => state.entry && retryStates.has(finalStateOf(run, state)))
      // The listing's copy when there is one: it carries what the directory says now.
      .map((state) => snapshot?.account(state.key) ?? structuredClone(state.entry!.account));
    if (accounts.length === 0) throw new Error(`Nothing to retry in run ${runId}: no account failed, was cancelled or did not verify.`);
    const plan = await this.deps.flow.plan({
      selection: { accounts, problems: [], description: `${accounts.length} account${accounts.length === 1 ? '' : 's'} to retry from run ${runId}` },
      exclusionSets: [...run.plan.exclusionSets],
      options: { ...run.plan.options },
    });
    return this.deps.plans.store.remember(plan);
  }

  /** Runs without an end record that this process is not running: the ones to offer for resume. */
  async unfinished(): Promise<RunSummary[]> {
    return (await this.deps.flow.unfinishedRuns()).filter((run) => !this.active.has(run.runId));
  }

  async view(runId: string): Promise<RunView> {
    const run = await this.deps.flow.readRun(runId);
    const reasons = new Map(buildRunReport(run).rows.map((row) => [`${row.directoryId}|${row.accountId}`, row.reason]));
    const keys = [...run.plan.entries.map((e) => e.key), ...run.plan.excluded.map((e) => e.key)];
    const accounts: RunView['accounts'] = [];
    for (const key of keys) {
      const state = run.accounts.get(key);
      const account = state?.entry?.account ?? state?.excluded?.account;
      if (!state || !account) continue;
      accounts.push({
        key,
        login: accountLabel(account),
        displayName: account.displayName,
        directoryId: account.directoryId,
        state: finalStateOf(run, state),
        steps: [...state.steps.values()],
        retries: state.retries,
        ...(state.verify ? { verify: state.verify } : {}),
        reason: reasons.get(key) ?? '',
      });
    }
    return { summary: summarise(run), plan: run.plan, accounts, active: this.active.has(runId) };
  }

  /** Stop every run (the app is closing): in-flight calls are aborted, each run still ends with its record. */
  async close(): Promise<void> {
    const runs = [...this.active.values()];
    for (const run of runs) {
      run.soft.abort(new Error('Rekey is closing.'));
      run.hard.abort(new Error('Rekey is closing.'));
    }
    await Promise.allSettled(runs.map((run) => run.done));
  }

  private launch(work: (controls: RunControls) => Promise<RunOutcome>): Promise<{ runId: string }> {
    const soft = new AbortController();
    const hard = new AbortController();
    // Every call and pacing wait of every batch in flight listens to these: a big run has hundreds, legitimately.
    setMaxListeners(signalListenerLimit, soft.signal, hard.signal);
    const relay = new RunEventRelay((event) => this.deps.emit('run.event', event), { intervalMs: this.deps.progressIntervalMs });
    // run-finished goes out once the run has let go of its journal, so a screen that reacts
    // to it (view, verify again, retry) finds the run no longer active.
    let finished: RunEvent | null = null;
    return new Promise((resolve, reject) => {
      let runId: string | null = null;
      const entry: ActiveRun = { soft, hard, done: Promise.resolve() };
      const running = work({
        signal: soft.signal,
        hardSignal: hard.signal,
        onEvent: (event) => {
          if (event.type === 'run-finished') finished = event;
          else relay.push(event);
        },
        onRunStarted: (id) => {
          runId = id;
          this.active.set(id, entry);
          resolve({ runId: id });
        },
      });
      entry.done = running
        .then(
          () => undefined,
          (error: unknown) => error,
        )
        .then((error) => {
          if (runId !== null) this.active.delete(runId);
          if (finished) relay.push(finished);
          relay.flush();
          if (error === undefined) return;
          if (runId === null) return reject(error);
          if (finished) return this.deps.log(`run ${runId} finished, but closing it failed: ${errorText(error)}`);
          // The run has a journal but no end record: say so, it is offered for resume.
          this.deps.log(`run ${runId} stopped: ${errorText(error)}`);
          this.deps.emit('run.failed', { runId, message: `The run stopped before it finished: ${errorText(error)} It can be resumed.`, at: new Date().toISOString() });
        });
    });
  }
}
