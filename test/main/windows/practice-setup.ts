// Shared set-up for the directory tests: the practice estate on a fixed clock,
// with short timeouts so a hang is noticed quickly.
import type { Account, Directory, ResetBatch, StepKind } from '../../../main/core/domain';
import { collectAccounts, defaultResetOptions } from '../../../main/core/domain';
import type { Clock } from '../../../main/core/ports';
import { createPracticeWindows, type PracticeWindows } from '../../../main/practice/windows/index';
import { practiceNetwork } from '../../../main/practice/windows/population';
import type { SimulatedNetwork } from '../../../main/practice/windows/simulated-host';
import { loadScriptSources, type ScriptSources } from '../../../main/windows/scripts';

export const now = Date.UTC(2026, 10, 21, 19, 0, 0);
export const fixedClock: Clock = { now: () => now, sleep: async () => undefined };

let sources: Promise<ScriptSources> | null = null;

export async function practice(adjust?: (network: SimulatedNetwork) => void): Promise<PracticeWindows> {
  sources ??= loadScriptSources();
  const network = practiceNetwork(fixedClock);
  adjust?.(network);
  return createPracticeWindows({ clock: fixedClock, network, sources: await sources, timeoutMs: 100 });
}

export async function accountsOf(directory: Directory): Promise<Account[]> {
  return collectAccounts(directory, {});
}

export function byLogin(accounts: Account[], login: string): Account {
  const found = accounts.find((a) => a.login === login);
  if (!found) throw new Error(`no account ${login} in ${accounts.map((a) => a.login).join(', ')}`);
  return found;
}

export function batchOf(accounts: Account[], steps: StepKind[] = ['force-change'], options = defaultResetOptions): ResetBatch {
  return { items: accounts.map((account) => ({ account, steps })), options };
}

export const signal = () => new AbortController().signal;
