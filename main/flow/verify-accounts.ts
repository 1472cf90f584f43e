// Re-read touched accounts and judge them; journal each verdict before
// announcing it. Used after a run, after a resume, and by "verify again".
import { accountLabel } from '../core/labels';
import type { Account, Directory, RunEvent, VerifiedState, VerifyResult } from '../core/domain';
import type { RunJournal } from '../core/run-records';
import { sanitizeDeep } from '../core/sanitize';
import { judgeVerification, type StepRan } from '../core/verify';
import { nowIso, type FlowContext } from './context';

export interface VerifyTarget {
  key: string;
  account: Account;
  steps: StepRan[];
}

function unreadable(account: Account, error: string, checkedAt: string): VerifiedState {
  return { directoryId: account.directoryId, accountId: account.id, mustChange: 'unknown', checkedAt, via: 'not read', evidence: [], error };
}

/** Read state in the directory's batch size; a failed read becomes "could not verify" for that batch, never a silent gap. */
export async function readStates(directory: Directory, accounts: Account[], context: FlowContext, signal?: AbortSignal): Promise<Map<string, VerifiedState>> {
  const out = new Map<string, VerifiedState>();
  const size = Math.max(1, directory.pacing.batchSize);
  for (let i = 0; i < accounts.length; i += size) {
    const chunk = accounts.slice(i, i + size);
    let states: VerifiedState[] = [];
    let failure: string | null = null;
    try {
      states = await directory.readState(chunk, signal);
    } catch (error) {
      failure = `${directory.displayName} could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    for (const account of chunk) {
      const state = states.find((s) => s.accountId === account.id && s.directoryId === account.directoryId);
      out.set(`${account.directoryId}|${account.id}`, state ?? unreadable(account, failure ?? `${directory.displayName} returned nothing for this account.`, nowIso(context)));
    }
  }
  return out;
}

export interface VerifyInput {
  runId: string;
  targets: VerifyTarget[];
  directories: ReadonlyMap<string, Directory>;
  journal: RunJournal;
  manual: boolean;
  onEvent?: (event: RunEvent) => void;
  signal?: AbortSignal;
}

export async function verifyTargets(context: FlowContext, input: VerifyInput): Promise<VerifyResult[]> {
  const results: VerifyResult[] = [];
  const byDirectory = new Map<string, VerifyTarget[]>();
  for (const target of input.targets) {
    const list = byDirectory.get(target.account.directoryId) ?? [];
    list.push(target);
    byDirectory.set(target.account.directoryId, list);
  }
  for (const [directoryId, targets] of byDirectory) {
    const directory = input.directories.get(directoryId);
    const states = directory
      ? await readStates(directory, targets.map((t) => t.account), context, input.signal)
      : new Map(targets.map((t) => [t.key, unreadable(t.account, `Directory ${directoryId} is not connected; connect it and verify again.`, nowIso(context))]));
    const verdicts = targets.map((target) =>
      sanitizeDeep(judgeVerification({
        key: target.key,
        steps: target.steps,
        state: states.get(target.key) as VerifiedState,
        capabilities: directory?.capabilities ?? { forceChange: false, forceChangeWithMfa: false, endSessions: false, readsSessionRevocation: false, clearNeverExpires: false },
        skewMs: context.sessionSkewMs,
      })),
    );
    await input.journal.append(verdicts.map((result) => ({ type: 'verify', data: { key: result.key, result, manual: input.manual, by: context.operator } })));
    for (const [index, result] of verdicts.entries()) {
      const target = targets[index] as VerifyTarget;
      input.onEvent?.({ type: 'verify-finished', runId: input.runId, key: result.key, login: accountLabel(target.account), outcome: result.outcome, reasons: result.reasons, at: nowIso(context) });
      results.push(result);
    }
  }
  return results;
}
