// What the flow needs from the world. The CLI and the IPC handlers each build
// one of these; tests build one with memory stores and a fake clock.
import type { ApprovalRule, Directory, ExclusionSet } from '../core/domain';
import type { Hasher } from '../core/journal';
import type { PacingSettings } from '../core/pacing';
import type { Clock } from '../core/ports';
import type { RetryPolicy } from '../core/retry';
import type { RunJournalStore } from '../core/run-records';

/** The settings the flow reads (a SettingsStore's get() satisfies it). */
export interface FlowSettings {
  get(): { pacing: PacingSettings; exclusionSets: ExclusionSet[]; approvalRules: ApprovalRule[] };
}

export interface FlowContext {
  /** The directories connected right now. */
  directories: () => Promise<Directory[]> | Directory[];
  settings: FlowSettings;
  journals: RunJournalStore;
  hasher: Hasher;
  clock: Clock;
  /** Who operates (recorded with every approval and run). */
  operator: string;
  /** Runs against practice directories are marked as such in the journal. */
  practice: boolean;
  /** New ids for plans and runs; defaults to time + random. */
  newId?: (prefix: 'plan' | 'run') => string;
  retry?: RetryPolicy;
  random?: () => number;
  /** Clock skew tolerated when checking session revocation times. */
  sessionSkewMs?: number;
}

export function nowIso(context: FlowContext): string {
  return new Date(context.clock.now()).toISOString();
}

/** Run ids sort by start time: 20260503T101500Z-3f9a1c. */
export function defaultId(context: FlowContext, prefix: 'plan' | 'run'): string {
  if (context.newId) return context.newId(prefix);
  const stamp = nowIso(context).replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const random = Array.from(globalThis.crypto.getRandomValues(new Uint8Array(3)), (b) => b.toString(16).padStart(2, '0')).join('');
  return prefix === 'run' ? `${stamp}-${random}` : `plan-${stamp}-${random}`;
}

export async function directoryMap(context: FlowContext): Promise<Map<string, Directory>> {
  return new Map((await context.directories()).map((d) => [d.id, d]));
}
