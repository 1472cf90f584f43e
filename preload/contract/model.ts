// Zod schemas of the domain data that crosses IPC: accounts, evidence, plans,
// run events, verification. They mirror main/core/domain.ts; the compile-time
// check in main/ipc/model-check.ts fails the type-check if the two drift.
import { z } from 'zod';
import { approvalDecision, directoryKind } from './settings';

const text = (max = 2_000) => z.string().max(max);
const isoTime = z.string().max(40);

export const accountAttributes = z.object({
  synced: z.boolean().optional(),
  guest: z.boolean().optional(),
  neverExpires: z.boolean().optional(),
  principalSource: text(40).optional(),
  rid: z.number().int().optional(),
  lastSignIn: isoTime.nullable().optional(),
  status: text(60).optional(),
  mustChange: z.boolean().nullable().optional(),
  credentialProvider: text(60).optional(),
  isCurrentUser: z.boolean().optional(),
  isConnectionAccount: z.boolean().optional(),
  federated: z.boolean().optional(),
  email: text(400).optional(),
  host: text(300).optional(),
});

export const account = z.object({
  directoryId: text(300),
  kind: directoryKind,
  id: text(300),
  login: text(400),
  displayName: text(400),
  enabled: z.boolean(),
  privileged: z.boolean(),
  privilegedWhy: text(400).optional(),
  groups: z.array(text(400)).max(5_000),
  attributes: accountAttributes,
});
export type AccountDto = z.infer<typeof account>;

export const stepKind = z.enum(['clear-never-expires', 'force-change', 'end-sessions']);
export const stepStatus = z.enum(['done', 'failed', 'skipped', 'not-applicable', 'cancelled']);

export const evidence = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('http'),
    method: text(10),
    url: text(2_000),
    status: z.number().int(),
    requestId: text(200).optional(),
    clientRequestId: text(200).optional(),
    errorCode: text(200).optional(),
    errorId: text(200).optional(),
    at: isoTime,
  }),
  z.object({
    kind: z.literal('powershell'),
    host: text(300),
    script: text(200),
    exitStatus: z.union([z.number(), text(100)]),
    output: text(64_000),
    at: isoTime,
  }),
  z.object({ kind: z.literal('note'), text: text(4_000), at: isoTime }),
]);

export const stepResult = z.object({
  step: stepKind,
  status: stepStatus,
  message: text(4_000),
  evidence: z.array(evidence).max(50),
  at: isoTime,
  retryable: z.boolean().optional(),
  retryAfterMs: z.number().optional(),
});

export const plannedStep = z.object({ step: stepKind, applicable: z.boolean(), description: text() });

export const planWarningKind = z.enum([
  'synced-password-on-premises',
  'federated-password',
  'never-expires-will-be-cleared',
  'never-expires-blocks-flag',
  'disabled-flag-applies-when-enabled',
  'guest-sessions-not-revocable',
  'ad-delegated-password',
  'sessions-not-ended',
  'privileged-needs-stronger-role',
  'connection-account',
  'not-a-local-account',
  'host-unreachable',
  'user-cannot-change-password',
  'not-elevated',
]);
export const planWarning = z.object({ kind: planWarningKind, message: text() });

export const mustChange = z.enum(['yes', 'no', 'unknown']);

export const verifiedState = z.object({
  directoryId: text(300),
  accountId: text(300),
  mustChange,
  sessionsRevokedSince: isoTime.nullable().optional(),
  neverExpires: z.boolean().nullable().optional(),
  directoryStatus: text(200).optional(),
  checkedAt: isoTime,
  via: text(100),
  evidence: z.array(evidence).max(50),
  error: text(4_000).optional(),
});

export const resetOptions = z.object({
  forceChange: z.boolean(),
  forceChangeWithMfa: z.boolean(),
  endSessions: z.boolean(),
  revokeOAuthTokens: z.boolean(),
  forgetDevices: z.boolean(),
  clearNeverExpires: z.boolean(),
});

export const directoryCapabilities = z.object({
  forceChange: z.boolean(),
  forceChangeWithMfa: z.boolean(),
  endSessions: z.boolean(),
  readsSessionRevocation: z.boolean(),
  clearNeverExpires: z.boolean(),
});

export const approvalRequirement = z.object({ decision: approvalDecision, ruleId: text(100).nullable(), reason: text() });

export const exclusion = z.object({
  setName: text(100),
  rule: z.object({ id: text(100), type: text(40), note: text(500).optional() }).loose(),
  reason: text(),
});

export const selectionProblem = z.object({
  line: z.number().int().nullable(),
  reason: z.enum(['malformed', 'unknown-directory', 'unknown-account', 'ambiguous', 'duplicate']),
  message: text(),
});

export const planEntry = z.object({
  key: text(700),
  account,
  steps: z.array(plannedStep).max(10),
  warnings: z.array(planWarning).max(30),
  approval: approvalRequirement,
  tags: z.array(text(50)).max(50),
});

export const excludedEntry = z.object({ key: text(700), account, exclusion });

const counts = z.record(z.string(), z.number());

export const planSummary = z.object({
  selected: z.number().int(),
  excluded: z.number().int(),
  planned: z.number().int(),
  withWork: z.number().int(),
  selectionProblems: z.number().int(),
  byDecision: z.record(approvalDecision, z.number().int()),
  byDirectory: z.record(z.string(), z.object({ planned: z.number().int(), excluded: z.number().int() })),
  byStep: z.record(stepKind, z.number().int()),
  byWarning: z.partialRecord(planWarningKind, z.number().int()),
});

export const plan = z.object({
  version: z.literal(1),
  id: text(200),
  createdAt: isoTime,
  createdBy: text(300),
  options: resetOptions,
  selection: text(),
  selectionProblems: z.array(selectionProblem),
  exclusionSets: z.array(text(100)),
  directories: z.array(z.object({ id: text(300), kind: directoryKind, displayName: text(300), capabilities: directoryCapabilities })),
  entries: z.array(planEntry),
  excluded: z.array(excludedEntry),
  summary: planSummary,
});
export type PlanDto = z.infer<typeof plan>;

export const accountRunOutcome = z.enum(['applied', 'failed', 'cancelled', 'nothing-to-do']);
export const verifyOutcome = z.enum(['verified', 'not-verified', 'could-not-verify']);
export const finalState = z.enum(['verified', 'not-verified', 'could-not-verify', 'failed', 'cancelled', 'nothing-to-do', 'not-approved', 'blocked', 'excluded']);
export const reportState = z.enum([...finalState.options, 'pending']);

export const verifyResult = z.object({ key: text(700), outcome: verifyOutcome, reasons: z.array(text()), state: verifiedState });

export const runCounts = z.object({
  total: z.number().int(),
  pending: z.number().int(),
  inFlight: z.number().int(),
  applied: z.number().int(),
  failed: z.number().int(),
  cancelled: z.number().int(),
  nothingToDo: z.number().int(),
});

export const runEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('run-started'), runId: text(200), total: z.number().int(), at: isoTime }),
  z.object({ type: z.literal('account-started'), runId: text(200), key: text(700), login: text(400), directoryId: text(300), at: isoTime }),
  z.object({ type: z.literal('step-finished'), runId: text(200), key: text(700), login: text(400), result: stepResult, attempt: z.number().int() }),
  z.object({ type: z.literal('retry-scheduled'), runId: text(200), keys: z.array(text(700)), attempt: z.number().int(), delayMs: z.number(), reason: text(), at: isoTime }),
  z.object({ type: z.literal('account-finished'), runId: text(200), key: text(700), login: text(400), outcome: accountRunOutcome, at: isoTime }),
  z.object({ type: z.literal('progress'), runId: text(200), counts: runCounts, throughputPerSecond: z.number(), etaMs: z.number().nullable(), at: isoTime }),
  z.object({ type: z.literal('verify-finished'), runId: text(200), key: text(700), login: text(400), outcome: verifyOutcome, reasons: z.array(text()), at: isoTime }),
  z.object({ type: z.literal('run-finished'), runId: text(200), finalStates: z.partialRecord(finalState, z.number().int()), cancelled: z.boolean(), at: isoTime }),
]);
export type RunEventDto = z.infer<typeof runEvent>;

export const runSummary = z.object({
  runId: text(200),
  startedAt: isoTime,
  lastAt: isoTime,
  operator: text(300),
  practice: z.boolean(),
  status: z.enum(['finished', 'cancelled', 'unfinished']),
  planned: z.number().int(),
  excluded: z.number().int(),
  finalStates: z.partialRecord(reportState, z.number().int()),
});

export { counts as countsRecord };
