// plan.* channels: dry runs, exclusion previews, plan export (main/console/plans.ts).
import type { HandlerTable } from '../ipc/dispatch';
import type { PlanService } from '../console/plans';

export function planHandlers(plans: PlanService): Pick<HandlerTable, 'plan.create' | 'plan.previewExclusions' | 'plan.export'> {
  return {
    'plan.create': (request) => plans.create(request),
    'plan.previewExclusions': ({ keys, exclusionSets }) => plans.previewExclusions(keys, exclusionSets),
    'plan.export': ({ planId }) => plans.export(planId),
  };
}
