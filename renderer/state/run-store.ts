// The run on the Review & run screen: its rows, counts and progress, fed by
// the run.event stream. A 5,000-account run emits tens of thousands of events,
// so they are queued and applied together at most once per animation frame:
// one store update, one render, however many events arrived in between.
//
// run.start replies with the run id after the run's first events may already
// have arrived; events that come while a run is starting are held and replayed
// once the id is known. Events of other runs (another console tab) are dropped.
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunEventDto, RunView } from '../../preload/contract';
import { applyRunEvents, applyVerifyResults, modelFromView, type RunModel, type VerifyResultDto } from '../screens/ReviewRun/run-model';

/** What the run area is busy with, for disabling buttons and saying so. */
export type RunActivity = 'starting' | 'cancelling' | 'verifying-again' | 'retrying' | 'resuming' | 'loading-view' | null;

export interface RunStoreState {
  model: RunModel | null;
  /** True once run.view has replaced the live rows with the journal's final states. */
  viewLoaded: boolean;
  activity: RunActivity;
  /** The last run action that failed, as a sentence. */
  error: string | null;
  /** The run stopped before its end record (run.failed): why, as main said it. It can be resumed. */
  stopped: string | null;
  /** Show a run that is about to start (runId null) or one read from the journal. */
  begin(model: RunModel): void;
  /** run.start replied: this is the run's id; held events of it are applied. */
  adopt(runId: string): void;
  /** Queue a live event; applied on the next frame. */
  enqueue(event: RunEventDto): void;
  /** Apply every queued event now (the frame callback; tests call it directly). */
  flush(): void;
  /** The journal's account of the run, after it ended (or when resuming one). */
  showView(view: RunView): void;
  verifyResults(results: readonly VerifyResultDto[]): void;
  /** run.failed: a run stopped without an end record. Only the shown run is affected. */
  runFailed(runId: string, message: string): void;
  setActivity(activity: RunActivity): void;
  setError(error: string | null): void;
  /** Forget the run (back to planning). */
  clear(): void;
}

export type FrameScheduler = (callback: () => void) => void;

/** Events held while a run starts, at most: a run cannot emit more than a few per account before its id is known. */
const MAX_HELD_EVENTS = 200_000;

export function defaultFrameScheduler(callback: () => void): void {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => callback());
  else setTimeout(callback, 16);
}

export function createRunStore(schedule: FrameScheduler = defaultFrameScheduler): StoreApi<RunStoreState> {
  let queue: RunEventDto[] = [];
  let held: RunEventDto[] = [];
  let scheduled = false;

  return createStore<RunStoreState>()((set, get) => ({
    model: null,
    viewLoaded: false,
    activity: null,
    error: null,
    stopped: null,

    begin(model) {
      queue = [];
      held = [];
      set({ model, viewLoaded: false, error: null, stopped: null });
    },

    adopt(runId) {
      const model = get().model;
      if (!model) return;
      const mine = held.filter((event) => event.runId === runId);
      held = [];
      set({ model: applyRunEvents({ ...model, runId }, mine) });
    },

    enqueue(event) {
      queue.push(event);
      if (scheduled) return;
      scheduled = true;
      schedule(() => get().flush());
    },

    flush() {
      scheduled = false;
      if (queue.length === 0) return;
      const events = queue;
      queue = [];
      const model = get().model;
      if (!model) return;
      if (model.runId === null) {
        // Starting: keep them until run.start says which run is ours.
        held.push(...events.slice(0, Math.max(0, MAX_HELD_EVENTS - held.length)));
        return;
      }
      const next = applyRunEvents(model, events);
      if (next !== model) set({ model: next });
    },

    showView(view) {
      const current = get().model;
      // The journal is the truth: its rows replace the live ones (same keys, same order).
      const model = modelFromView(view);
      if (current && current.runId === view.summary.runId && current.throughputPerSecond !== null) {
        model.throughputPerSecond = current.throughputPerSecond;
      }
      set({ model, viewLoaded: view.summary.status !== 'unfinished' });
    },

    verifyResults(results) {
      const model = get().model;
      if (model) set({ model: applyVerifyResults(model, results) });
    },

    runFailed(runId, message) {
      // Apply what arrived before the failure first, so the rows show how far it got.
      get().flush();
      if (get().model?.runId === runId) set({ stopped: message });
    },

    setActivity: (activity) => set({ activity }),
    setError: (error) => set({ error }),

    clear() {
      queue = [];
      held = [];
      set({ model: null, viewLoaded: false, activity: null, error: null, stopped: null });
    },
  }));
}

export const runStore = createRunStore();

export function useRunStore<T>(selector: (state: RunStoreState) => T): T {
  return useStore(runStore, selector);
}
