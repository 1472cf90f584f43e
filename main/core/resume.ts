// Resume after a crash: which unfinished accounts are already reset (proved
// by re-reading them) and which must run again.
import type { DirectoryCapabilities, VerifiedState } from './domain';
import { applicableSteps } from './plan';
import type { AccountState, RunState } from './run-state';
import { unfinishedAccounts } from './run-state';
import { provesApplied } from './verify';

export interface ResumeDecision {
  alreadyApplied: Array<{ state: AccountState; read: VerifiedState }>;
  rerun: AccountState[];
}

export function decideResume(
  run: RunState,
  reads: ReadonlyMap<string, VerifiedState>,
  capabilitiesOf: (directoryId: string) => DirectoryCapabilities,
  skewMs?: number,
): ResumeDecision {
  const decision: ResumeDecision = { alreadyApplied: [], rerun: [] };
  for (const state of unfinishedAccounts(run)) {
    const entry = state.entry;
    if (!entry) continue;
    const read = reads.get(state.key);
    if (read && state.startedAt !== undefined && provesApplied(applicableSteps(entry), read, capabilitiesOf(entry.account.directoryId), state.startedAt, skewMs)) {
      decision.alreadyApplied.push({ state, read });
    } else decision.rerun.push(state);
  }
  return decision;
}
