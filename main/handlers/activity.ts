// activity.* channels: runs, timeline, journal integrity, report exports (main/console/activity.ts).
import type { HandlerTable } from '../ipc/dispatch';
import type { ActivityService } from '../console/activity';

export function activityHandlers(activity: ActivityService): Pick<HandlerTable, 'activity.runs' | 'activity.timeline' | 'activity.integrity' | 'activity.export'> {
  return {
    'activity.runs': () => activity.runs(),
    'activity.timeline': () => activity.timeline(),
    'activity.integrity': ({ runId }) => activity.integrity(runId),
    'activity.export': ({ runId, format }) => activity.export(runId, format),
  };
}
