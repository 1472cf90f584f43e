// run.* channels: runs in the background, their events go out as run.event (main/console/runs.ts).
import type { HandlerTable } from '../ipc/dispatch';
import type { RunService } from '../console/runs';

type RunChannels = 'run.start' | 'run.cancel' | 'run.retryFailed' | 'run.resume' | 'run.unfinished' | 'run.view';

export function runHandlers(runs: RunService): Pick<HandlerTable, RunChannels> {
  return {
    'run.start': ({ planId, answers }) => runs.start(planId, answers),
    'run.cancel': ({ runId }) => runs.cancel(runId),
    'run.retryFailed': ({ runId }) => runs.retryFailed(runId),
    'run.resume': ({ runId }) => runs.resume(runId),
    'run.unfinished': () => runs.unfinished(),
    'run.view': ({ runId }) => runs.view(runId),
  };
}
