// The plan on the Review & run screen: the reset options, the plan main made
// for the current selection (or for a run's failures), and the operator's
// approvals. A new plan keeps an approval only for accounts whose steps and
// approval rule did not change, so consent given for one plan is never
// carried silently to different work.
import { create } from 'zustand';
import type { PlanDto } from '../../preload/contract';
import { emptyDraft, type ApprovalDraft } from '../screens/ReviewRun/approvals';

export type ResetOptionName = keyof PlanDto['options'];
export type ResetOptionValues = PlanDto['options'];

/** The options a new plan starts from (the same as main's defaultResetOptions). */
export const defaultResetOptionValues: ResetOptionValues = {
  forceChange: true,
  forceChangeWithMfa: false,
  endSessions: true,
  revokeOAuthTokens: true,
  forgetDevices: false,
  clearNeverExpires: true,
};

/** Where the accounts of the plan come from. */
export type PlanSource = { kind: 'selection' } | { kind: 'retry'; runId: string; keys: string[]; exclusionSets: string[] };

/** Identifies a plan request: the same signature means the plan on screen is the plan for it. */
export function requestSignature(keys: readonly string[], exclusionSets: readonly string[], options: ResetOptionValues): string {
  const flags = (Object.keys(defaultResetOptionValues) as ResetOptionName[]).map((name) => (options[name] ? '1' : '0')).join('');
  return `${flags}\u0000${[...exclusionSets].sort().join('\u0001')}\u0000${keys.join('\u0001')}`;
}

export type PlanStatus = 'idle' | 'planning' | 'ready' | 'failed';

export interface PlanStoreState {
  options: ResetOptionValues;
  source: PlanSource;
  plan: PlanDto | null;
  /** Signature of the request that made `plan` (selection, exclusion sets, options). */
  planSignature: string | null;
  /** Signature of the request in flight, if any. */
  requested: string | null;
  status: PlanStatus;
  error: string | null;
  draft: ApprovalDraft;
  setOption(name: ResetOptionName, value: boolean): void;
  /** A plan request went out; returns its ticket (only the newest ticket's answer is kept). */
  planning(signature: string): number;
  planned(ticket: number, plan: PlanDto): void;
  planFailed(ticket: number, error: string): void;
  confirm(key: string, confirmed: boolean): void;
  confirmAll(keys: readonly string[]): void;
  setTyped(key: string, text: string): void;
  leaveOut(key: string, leftOut: boolean): void;
  leaveOutAll(keys: readonly string[]): void;
  /** Review the failures of a run (run.retryFailed) instead of the selection. */
  reviewRetry(runId: string, plan: PlanDto): void;
  /** Back to planning the Accounts selection. */
  backToSelection(): void;
}

type StepSignature = string;

function entrySignature(entry: PlanDto['entries'][number]): StepSignature {
  const steps = entry.steps.filter((step) => step.applicable).map((step) => step.step);
  return `${entry.approval.decision}:${entry.account.login}:${steps.join(',')}`;
}

/** The part of `draft` still valid for `next`: same account, same steps, same approval rule. */
export function carryDraft(previous: PlanDto | null, next: PlanDto, draft: ApprovalDraft): ApprovalDraft {
  if (!previous) return emptyDraft;
  const before = new Map(previous.entries.map((entry) => [entry.key, entrySignature(entry)]));
  const unchanged = new Set(next.entries.filter((entry) => before.get(entry.key) === entrySignature(entry)).map((entry) => entry.key));
  return {
    confirmed: new Set([...draft.confirmed].filter((key) => unchanged.has(key))),
    typed: new Map([...draft.typed].filter(([key]) => unchanged.has(key))),
    leftOut: new Set([...draft.leftOut].filter((key) => unchanged.has(key))),
  };
}

export const usePlanStore = create<PlanStoreState>()((set, get) => {
  let latestTicket = 0;
  return {
    options: defaultResetOptionValues,
    source: { kind: 'selection' },
    plan: null,
    planSignature: null,
    requested: null,
    status: 'idle',
    error: null,
    draft: emptyDraft,

    setOption: (name, value) => set({ options: { ...get().options, [name]: value } }),

    planning(signature) {
      latestTicket++;
      set({ status: 'planning', error: null, requested: signature });
      return latestTicket;
    },

    planned(ticket, plan) {
      if (ticket !== latestTicket) return;
      const { plan: previous, draft, requested } = get();
      set({ plan, planSignature: requested, requested: null, status: 'ready', error: null, draft: carryDraft(previous, plan, draft) });
    },

    planFailed(ticket, error) {
      if (ticket !== latestTicket) return;
      // Keep the signature so the same request is not retried in a loop; "Try again" clears it.
      set({ status: 'failed', error, planSignature: get().requested, requested: null });
    },

    confirm(key, confirmed) {
      const next = new Set(get().draft.confirmed);
      if (confirmed) next.add(key);
      else next.delete(key);
      set({ draft: { ...get().draft, confirmed: next } });
    },

    confirmAll(keys) {
      set({ draft: { ...get().draft, confirmed: new Set([...get().draft.confirmed, ...keys]) } });
    },

    setTyped(key, text) {
      const typed = new Map(get().draft.typed);
      typed.set(key, text);
      set({ draft: { ...get().draft, typed } });
    },

    leaveOut(key, leftOut) {
      const next = new Set(get().draft.leftOut);
      if (leftOut) next.add(key);
      else next.delete(key);
      set({ draft: { ...get().draft, leftOut: next } });
    },

    leaveOutAll(keys) {
      set({ draft: { ...get().draft, leftOut: new Set([...get().draft.leftOut, ...keys]) } });
    },

    reviewRetry(runId, plan) {
      latestTicket++;
      const keys = plan.entries.map((entry) => entry.key);
      set({
        requested: null,
        source: { kind: 'retry', runId, keys, exclusionSets: plan.exclusionSets },
        options: plan.options,
        plan,
        planSignature: requestSignature(keys, plan.exclusionSets, plan.options),
        status: 'ready',
        error: null,
        draft: emptyDraft,
      });
    },

    backToSelection() {
      latestTicket++;
      set({ source: { kind: 'selection' }, plan: null, planSignature: null, requested: null, status: 'idle', error: null, draft: emptyDraft });
    },
  };
});
