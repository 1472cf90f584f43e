// Running a plan: start with the operator's approvals, watch live events,
// cancel, retry the failures, resume an interrupted run.
import { z } from 'zod';
import { channel, event, noRequest } from './define';
import { evidence, finalState, plan, reportState, runEvent, runSummary, stepResult, verifyResult } from './model';

const runId = z.string().min(1).max(200);

export const approvalAnswer = z
  .object({
    key: z.string().min(1).max(700),
    confirmed: z.boolean().optional(),
    /** typed-confirm: what the operator typed (must be the account's login). */
    typedText: z.string().max(400).optional(),
  })
  .strict();

export const runStartRequest = z
  .object({
    planId: z.string().min(1).max(200),
    answers: z.array(approvalAnswer).max(200_000),
  })
  .strict();

export const runAccountView = z.object({
  key: z.string(),
  login: z.string(),
  displayName: z.string(),
  directoryId: z.string(),
  state: reportState,
  steps: z.array(stepResult),
  /** Transient failures that were retried, for the evidence drawer. */
  retries: z.array(stepResult),
  verify: verifyResult.optional(),
  reason: z.string(),
});

export const runView = z.object({
  summary: runSummary,
  plan,
  accounts: z.array(runAccountView),
  /** True while this process is executing or verifying the run. */
  active: z.boolean(),
});
export type RunView = z.infer<typeof runView>;

export const runChannels = {
  'run.start': channel({ request: runStartRequest, reply: z.object({ runId }), summary: 'Run a plan with the operator’s approvals; progress arrives as run.event.' }),
  'run.cancel': channel({ request: z.object({ runId }).strict(), reply: z.object({ cancelling: z.boolean() }), summary: 'Cancel a run: work in flight finishes, the rest is marked cancelled.' }),
  'run.retryFailed': channel({ request: z.object({ runId }).strict(), reply: plan, summary: 'A new plan holding the accounts that failed or did not verify in a run.' }),
  'run.resume': channel({ request: z.object({ runId }).strict(), reply: z.object({ runId }), summary: 'Resume an interrupted run: re-read, then continue only what is not yet verified.' }),
  'run.unfinished': channel({ request: noRequest, reply: z.array(runSummary), summary: 'Runs without an end record, offered for resume.' }),
  'run.view': channel({ request: z.object({ runId }).strict(), reply: runView, summary: 'A run as the journal records it: per-account steps, evidence and verification.' }),
};

export const runEvents = {
  'run.event': event({ payload: runEvent, summary: 'Live progress of a run.' }),
  'run.failed': event({
    payload: z.object({ runId, message: z.string().max(4_000), at: z.string().max(40) }),
    summary: 'A run (or resume) stopped before its end record, e.g. its journal could not be written; no run-finished follows. It is offered for resume.',
  }),
};

// Re-exported for screens that show evidence.
export { evidence, finalState };
