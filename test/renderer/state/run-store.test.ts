import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RunEventDto, RunView } from '../../../preload/contract';
import { initialRunModel, rowStatuses, runPhase, runTotals, zeroCounts, type RowStatus, type RunModel } from '../../../renderer/screens/ReviewRun/run-model';
import { createRunStore } from '../../../renderer/state/run-store';
import { planOf } from '../screens/ReviewRun/plan-fixture';

const runId = 'run-7';
const at = '2026-11-21T14:00:00.000Z';

type Fate = { outcome: 'applied' | 'failed' | 'cancelled' | 'nothing-to-do'; retried: boolean; verify: 'verified' | 'not-verified' | 'could-not-verify' | null };

const plan = planOf([
  { login: 'a@contoso.com' },
  { login: 'b@contoso.com' },
  { login: 'c@contoso.com', directoryId: 'okta-practice', kind: 'okta' },
  { login: 'd@contoso.com', directoryId: 'okta-practice', kind: 'okta' },
  { login: 'jdoe', directoryId: 'windows-practice', kind: 'windows', host: 'WS-01' },
  { login: 'root@contoso.com', decision: 'block' },
]);
const runKeys = plan.entries.slice(0, 5).map((entry) => entry.key);
const blockedKey = plan.entries[5]!.key;

function startingModel(): RunModel {
  return initialRunModel(plan, (key) => (key === blockedKey ? 'blocked' : 'pending'));
}

/** The events a run emits for one account, in the order the engine emits them. */
function eventsFor(key: string, fate: Fate): RunEventDto[] {
  const login = key.split('|')[1]!;
  const directoryId = key.split('|')[0]!;
  const events: RunEventDto[] = [{ type: 'account-started', runId, key, login, directoryId, at }];
  if (fate.retried) events.push({ type: 'retry-scheduled', runId, keys: [key], attempt: 2, delayMs: 1000, reason: 'Graph answered 503.', at });
  events.push({
    type: 'step-finished',
    runId,
    key,
    login,
    attempt: fate.retried ? 2 : 1,
    result: { step: 'force-change', status: fate.outcome === 'failed' ? 'failed' : 'done', message: 'ok', evidence: [], at },
  });
  events.push({ type: 'account-finished', runId, key, login, outcome: fate.outcome, at });
  if (fate.verify) events.push({ type: 'verify-finished', runId, key, login, outcome: fate.verify, reasons: [], at });
  return events;
}

function expectedStatus(fate: Fate): RowStatus {
  if (fate.verify) return fate.verify;
  return fate.outcome === 'applied' ? 'done' : fate.outcome;
}

function recount(model: RunModel): Record<RowStatus, number> {
  const counts = zeroCounts();
  for (const key of model.order) counts[model.rows[key]!.status]++;
  return counts;
}

const fateArbitrary: fc.Arbitrary<Fate> = fc.record({
  outcome: fc.constantFrom('applied', 'failed', 'cancelled', 'nothing-to-do'),
  retried: fc.boolean(),
  verify: fc.constantFrom('verified', 'not-verified', 'could-not-verify', null),
});

describe('run events -> rows and counts', () => {
  it('reaches the same rows and counts whatever order the events arrive in, and however they are batched', () => {
    fc.assert(
      fc.property(
        fc.array(fateArbitrary, { minLength: 5, maxLength: 5 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 7 }),
        (fates, seed, batchSize) => {
          const events: RunEventDto[] = [{ type: 'run-started', runId, total: 5, at }, ...runKeys.flatMap((key, index) => eventsFor(key, fates[index]!))];
          events.push({ type: 'progress', runId, counts: { total: 5, pending: 0, inFlight: 0, applied: 5, failed: 0, cancelled: 0, nothingToDo: 0 }, throughputPerSecond: 12.5, etaMs: 0, at });
          // A deterministic shuffle from the seed (fast-check shrinks the seed).
          let state = seed;
          const shuffled = [...events];
          for (let i = shuffled.length - 1; i > 0; i--) {
            state = (state * 1103515245 + 12345) % 2 ** 31;
            const j = state % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          const store = createRunStore(() => {});
          store.getState().begin(startingModel());
          store.getState().adopt(runId);
          for (let i = 0; i < shuffled.length; i += batchSize) {
            for (const event of shuffled.slice(i, i + batchSize)) store.getState().enqueue(event);
            store.getState().flush();
          }
          const model = store.getState().model!;
          runKeys.forEach((key, index) => expect(model.rows[key]!.status).toBe(expectedStatus(fates[index]!)));
          expect(model.rows[blockedKey]!.status).toBe('blocked');
          expect(model.counts).toEqual(recount(model));
          // Per directory too: the three directories add up to the whole.
          const summed = zeroCounts();
          for (const counts of Object.values(model.byDirectory)) for (const status of rowStatuses) summed[status] += counts[status];
          expect(summed).toEqual(model.counts);
          const totals = runTotals(model.counts, model.total);
          expect(totals).toMatchObject({ total: 5, finished: 5 });
          expect(model.throughputPerSecond).toBe(12.5);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('shows a live run step by step: running, retrying, done, then verified', () => {
    const store = createRunStore(() => {});
    store.getState().begin(startingModel());
    store.getState().adopt(runId);
    const [first] = runKeys as [string];
    const apply = (event: RunEventDto) => {
      store.getState().enqueue(event);
      store.getState().flush();
      return store.getState().model!;
    };
    expect(runPhase(apply({ type: 'run-started', runId, total: 5, at }))).toBe('running');
    const events = eventsFor(first, { outcome: 'applied', retried: true, verify: 'verified' });
    expect(apply(events[0]!).rows[first]!.status).toBe('running');
    const retrying = apply(events[1]!).rows[first]!;
    expect(retrying.status).toBe('retrying');
    expect(retrying.retryNotes).toEqual([{ attempt: 2, delayMs: 1000, reason: 'Graph answered 503.', at }]);
    expect(apply(events[2]!).rows[first]!.steps.map((step) => step.status)).toEqual(['done']);
    expect(apply(events[3]!).rows[first]!).toMatchObject({ status: 'done', outcome: 'applied' });
    expect(apply(events[4]!).rows[first]!.verify).toEqual({ outcome: 'verified', reasons: [], state: null });
    expect(store.getState().model!.counts).toMatchObject({ verified: 1, pending: 4, blocked: 1 });
  });

  it('lets "verify again" turn a not-verified row into verified', () => {
    const store = createRunStore(() => {});
    store.getState().begin(startingModel());
    store.getState().adopt(runId);
    const [first] = runKeys as [string];
    for (const event of eventsFor(first, { outcome: 'applied', retried: false, verify: 'not-verified' })) store.getState().enqueue(event);
    store.getState().flush();
    expect(store.getState().model!.counts['not-verified']).toBe(1);
    store.getState().verifyResults([
      { key: first, outcome: 'verified', reasons: [], state: { directoryId: 'entra-practice', accountId: 'a@contoso.com', mustChange: 'yes', checkedAt: at, via: 'Graph', evidence: [] } },
    ]);
    const model = store.getState().model!;
    expect(model.rows[first]!.status).toBe('verified');
    expect(model.rows[first]!.verify?.state?.mustChange).toBe('yes');
    expect(model.counts).toMatchObject({ verified: 1, 'not-verified': 0 });
  });

  it('keeps unchanged rows identical so their components do not re-render', () => {
    const store = createRunStore(() => {});
    store.getState().begin(startingModel());
    store.getState().adopt(runId);
    const before = store.getState().model!;
    store.getState().enqueue(eventsFor(runKeys[0]!, { outcome: 'applied', retried: false, verify: null })[0]!);
    store.getState().flush();
    const after = store.getState().model!;
    expect(after.rows[runKeys[0]!]).not.toBe(before.rows[runKeys[0]!]);
    expect(after.rows[runKeys[1]!]).toBe(before.rows[runKeys[1]!]);
    expect(after.byDirectory['okta-practice']).toBe(before.byDirectory['okta-practice']);
  });
});

describe('batching', () => {
  it('applies any number of queued events in one store update on the next frame', () => {
    const frames: Array<() => void> = [];
    const store = createRunStore((callback) => frames.push(callback));
    store.getState().begin(startingModel());
    store.getState().adopt(runId);
    let updates = 0;
    store.subscribe(() => updates++);
    for (const [index, key] of runKeys.entries()) {
      for (const event of eventsFor(key, { outcome: 'applied', retried: index % 2 === 0, verify: 'verified' })) store.getState().enqueue(event);
    }
    expect(frames).toHaveLength(1);
    expect(updates).toBe(0);
    expect(store.getState().model!.counts.pending).toBe(5);
    frames[0]!();
    expect(updates).toBe(1);
    expect(store.getState().model!.counts).toMatchObject({ pending: 0, verified: 5 });
    // The next event asks for the next frame.
    store.getState().enqueue({ type: 'run-finished', runId, finalStates: { verified: 5, blocked: 1 }, cancelled: false, at });
    expect(frames).toHaveLength(2);
    frames[1]!();
    expect(runPhase(store.getState().model!)).toBe('finished');
  });

  it('holds events that arrive before run.start replies, and keeps only those of its run', () => {
    const store = createRunStore(() => {});
    store.getState().begin(startingModel());
    store.getState().enqueue({ type: 'run-started', runId, total: 5, at });
    store.getState().enqueue({ type: 'run-started', runId: 'someone-elses-run', total: 900, at });
    store.getState().enqueue(eventsFor(runKeys[0]!, { outcome: 'applied', retried: false, verify: null })[0]!);
    store.getState().flush();
    expect(store.getState().model!.total).toBeNull();
    store.getState().adopt(runId);
    expect(store.getState().model!).toMatchObject({ runId, total: 5 });
    expect(store.getState().model!.rows[runKeys[0]!]!.status).toBe('running');
    // After adoption, another run's events change nothing.
    const before = store.getState().model;
    store.getState().enqueue({ type: 'run-finished', runId: 'someone-elses-run', finalStates: {}, cancelled: true, at });
    store.getState().flush();
    expect(store.getState().model).toBe(before);
  });

  it('replaces the live rows with the journal’s view when the run has ended', () => {
    const store = createRunStore(() => {});
    store.getState().begin(startingModel());
    store.getState().adopt(runId);
    const view: RunView = {
      summary: { runId, startedAt: at, lastAt: at, operator: 'practice', practice: true, status: 'finished', planned: 6, excluded: 0, finalStates: { verified: 4, failed: 1, blocked: 1 } },
      plan,
      accounts: plan.entries.map((entry, index) => ({
        key: entry.key,
        login: entry.account.login,
        displayName: entry.account.displayName,
        directoryId: entry.account.directoryId,
        state: index === 5 ? 'blocked' : index === 4 ? 'failed' : 'verified',
        steps: [],
        retries: [],
        reason: index === 4 ? 'Access denied.' : '',
      })),
      active: false,
    };
    store.getState().showView(view);
    const state = store.getState();
    expect(state.viewLoaded).toBe(true);
    expect(state.model!.counts).toMatchObject({ verified: 4, failed: 1, blocked: 1, pending: 0 });
    expect(state.model!.rows[runKeys[4]!]!.reason).toBe('Access denied.');
    expect(state.model!.rows[runKeys[4]!]!.label).toBe('WS-01\\jdoe');
    expect(state.model!.finished).toEqual({ finalStates: { verified: 4, failed: 1, blocked: 1 }, cancelled: false, at });
  });
});

describe('a run that stops without its end record', () => {
  it('records why for the shown run only, after applying the events that came before', () => {
    const store = createRunStore(() => {});
    store.getState().begin(startingModel());
    store.getState().adopt(runId);
    store.getState().enqueue({ type: 'run-started', runId, total: 5, at });
    store.getState().runFailed('another-run', 'Disk full.');
    expect(store.getState().stopped).toBeNull();
    // The queued event was applied by the failure, not lost.
    expect(store.getState().model!.total).toBe(5);
    store.getState().runFailed(runId, 'The journal could not be written: disk full.');
    expect(store.getState().stopped).toBe('The journal could not be written: disk full.');
    store.getState().clear();
    expect(store.getState()).toMatchObject({ model: null, stopped: null });
  });
});
