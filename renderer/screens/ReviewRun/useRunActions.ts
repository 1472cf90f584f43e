// What the operator can do with a run: start it from the plan and approvals,
// cancel it, re-read its final states, verify again, review its failures as a
// new plan, resume an interrupted one. Every failure becomes a sentence in the
// run store; nothing throws into the screen.
import { useMemo } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { usePlanStore } from '../../state/plan-store';
import { runStore, type RunActivity } from '../../state/run-store';
import { approvalAnswers, approvalStatus, willRun } from './approvals';
import { initialRunModel, reverifiableKeys } from './run-model';

export interface RunActions {
  start(): Promise<void>;
  cancel(): Promise<void>;
  loadView(): Promise<void>;
  verifyAgain(): Promise<void>;
  retryFailed(): Promise<void>;
  resume(runId: string): Promise<void>;
  /** Leave the finished run and plan the selection afresh. */
  startOver(): void;
}

async function busy(activity: RunActivity, what: string, work: () => Promise<void>): Promise<void> {
  const store = runStore.getState();
  store.setActivity(activity);
  store.setError(null);
  try {
    await work();
  } catch (error) {
    runStore.getState().setError(`${what} ${callErrorMessage(error)}`);
  } finally {
    runStore.getState().setActivity(null);
  }
}

export function useRunActions(): RunActions {
  const { api } = useRekeyConnection();
  return useMemo<RunActions>(() => {
    const runId = () => runStore.getState().model?.runId ?? null;

    const loadView = () =>
      busy('loading-view', 'The final states could not be read from the journal.', async () => {
        const id = runId();
        if (id) runStore.getState().showView(await api.run.view({ runId: id }));
      });

    return {
      start: async () => {
        const { plan, draft } = usePlanStore.getState();
        if (!plan) return;
        const entries = new Map(plan.entries.map((entry) => [entry.key, entry]));
        const statusOf = (key: string) => {
          const entry = entries.get(key);
          const status = entry ? approvalStatus(entry, draft) : 'unconfirmed';
          return status === 'blocked' ? ('blocked' as const) : willRun(status) ? ('pending' as const) : ('not-approved' as const);
        };
        const reasonOf = (key: string) => {
          const entry = entries.get(key);
          if (!entry) return '';
          const status = approvalStatus(entry, draft);
          if (status === 'blocked') return `Blocked by policy: ${entry.approval.reason}`;
          if (status === 'left-out') return 'Left out by the operator.';
          if (status === 'unconfirmed') return 'Not confirmed by the operator.';
          return '';
        };
        runStore.getState().begin(initialRunModel(plan, statusOf, reasonOf));
        await busy('starting', 'The run did not start.', async () => {
          try {
            const { runId: id } = await api.run.start({ planId: plan.id, answers: approvalAnswers(plan.entries, draft) });
            runStore.getState().adopt(id);
          } catch (error) {
            // Nothing ran: back to the plan, which still holds the approvals.
            runStore.getState().clear();
            throw error;
          }
        });
      },

      cancel: () =>
        busy('cancelling', 'The run could not be cancelled.', async () => {
          const id = runId();
          if (id) await api.run.cancel({ runId: id });
        }),

      loadView,

      verifyAgain: () =>
        busy('verifying-again', 'Verify again did not finish.', async () => {
          const model = runStore.getState().model;
          if (!model?.runId) return;
          const results = await api.verify.again({ runId: model.runId, keys: reverifiableKeys(model) });
          runStore.getState().verifyResults(results);
          runStore.getState().showView(await api.run.view({ runId: model.runId }));
        }),

      retryFailed: () =>
        busy('retrying', 'The failed accounts could not be planned again.', async () => {
          const id = runId();
          if (!id) return;
          const plan = await api.run.retryFailed({ runId: id });
          usePlanStore.getState().reviewRetry(id, plan);
          runStore.getState().clear();
        }),

      resume: (id) =>
        busy('resuming', 'The run could not be resumed.', async () => {
          // Show the run as the journal has it, then let its events move the rows on.
          const view = await api.run.view({ runId: id });
          runStore.getState().showView(view);
          runStore.setState({ stopped: null });
          await api.run.resume({ runId: id });
        }),

      startOver: () => {
        runStore.getState().clear();
        usePlanStore.getState().backToSelection();
      },
    };
  }, [api]);
}
