// The helpdesk view's state: the lookup form, the last lookup and its result,
// per-account re-checks, and the "explain net user output" box. Kept across
// screen switches so a helpdesk person can look something up, glance at
// Activity, and come back to the same answer.
import { create } from 'zustand';
import type { z } from 'zod';
import type { lookupRequest, lookupResult, netUserExplanation } from '../../preload/contract';

export type LookupRequest = z.input<typeof lookupRequest>;
export type LookupResult = z.infer<typeof lookupResult>;
export type LookupMatch = LookupResult['matches'][number];
export type NetUserExplanation = z.infer<typeof netUserExplanation>;

export type LookupStatus =
  | { kind: 'idle' }
  | { kind: 'loading'; request: LookupRequest }
  | { kind: 'done'; request: LookupRequest; result: LookupResult }
  | { kind: 'failed'; request: LookupRequest; message: string };

export type RecheckStatus = { kind: 'checking' } | { kind: 'checked' } | { kind: 'failed'; message: string } | { kind: 'gone'; message: string };

export type ExplainStatus = { kind: 'idle' } | { kind: 'loading' } | { kind: 'done'; explanation: NetUserExplanation } | { kind: 'failed'; message: string };

export interface VerifyState {
  name: string;
  /** Empty: every connected directory. */
  directoryIds: string[];
  host: string;
  lookup: LookupStatus;
  /** Per match key: a "Check again" in progress or what went wrong with it. */
  recheck: Record<string, RecheckStatus>;
  /** Match keys whose evidence is shown. */
  evidenceOpen: Record<string, boolean>;
  /** Bumped on every finished lookup so the results heading takes focus once per answer. */
  answerSerial: number;
  netUserText: string;
  explain: ExplainStatus;

  setName(name: string): void;
  setDirectoryIds(ids: string[]): void;
  setHost(host: string): void;
  lookupStarted(request: LookupRequest): void;
  lookupFinished(request: LookupRequest, result: LookupResult): void;
  lookupFailed(request: LookupRequest, message: string): void;
  recheckStarted(key: string): void;
  recheckFinished(key: string, match: LookupMatch | null, message?: string): void;
  recheckFailed(key: string, message: string): void;
  toggleEvidence(key: string): void;
  setNetUserText(text: string): void;
  setExplain(status: ExplainStatus): void;
}

export const matchKey = (match: { account: { directoryId: string; id: string } }) => `${match.account.directoryId}|${match.account.id}`;

export const useVerifyStore = create<VerifyState>()((set) => ({
  name: '',
  directoryIds: [],
  host: '',
  lookup: { kind: 'idle' },
  recheck: {},
  evidenceOpen: {},
  answerSerial: 0,
  netUserText: '',
  explain: { kind: 'idle' },

  setName: (name) => set({ name }),
  setDirectoryIds: (directoryIds) => set({ directoryIds }),
  setHost: (host) => set({ host }),
  lookupStarted: (request) => set({ lookup: { kind: 'loading', request } }),
  lookupFinished: (request, result) =>
    set((state) => ({ lookup: { kind: 'done', request, result }, recheck: {}, evidenceOpen: {}, answerSerial: state.answerSerial + 1 })),
  lookupFailed: (request, message) => set((state) => ({ lookup: { kind: 'failed', request, message }, answerSerial: state.answerSerial + 1 })),
  recheckStarted: (key) => set((state) => ({ recheck: { ...state.recheck, [key]: { kind: 'checking' } } })),
  recheckFinished: (key, match, message) =>
    set((state) => {
      const { [key]: _done, ...rest } = state.recheck;
      if (state.lookup.kind !== 'done') return { recheck: rest };
      if (!match) return { recheck: { ...rest, [key]: { kind: 'gone', message: message ?? 'The account was not found again.' } } };
      const matches = state.lookup.result.matches.map((existing) => (matchKey(existing) === key ? match : existing));
      return { recheck: { ...rest, [key]: { kind: 'checked' } }, lookup: { ...state.lookup, result: { ...state.lookup.result, matches } } };
    }),
  recheckFailed: (key, message) => set((state) => ({ recheck: { ...state.recheck, [key]: { kind: 'failed', message } } })),
  toggleEvidence: (key) => set((state) => ({ evidenceOpen: { ...state.evidenceOpen, [key]: !state.evidenceOpen[key] } })),
  setNetUserText: (netUserText) => set({ netUserText }),
  setExplain: (explain) => set({ explain }),
}));
