// The reset steps in words, shared by the plan rows and the evidence drawer.
import type { PlanDto } from '../../../preload/contract';

export type StepKind = PlanDto['entries'][number]['steps'][number]['step'];

export const stepLabels: Record<StepKind, string> = {
  'clear-never-expires': 'Clear "never expires"',
  'force-change': 'Force change at next sign-in',
  'end-sessions': 'End sessions',
};

export const stepStatusLabels = {
  done: 'Done',
  failed: 'Failed',
  skipped: 'Skipped',
  'not-applicable': 'Not applicable',
  cancelled: 'Cancelled',
} as const;
