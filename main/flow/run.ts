// Run a plan: open its journal, record the plan and every approval decision
// (who, when), execute the approved accounts, then verify and close.
import type { ApprovalAnswer } from '../core/policy';
import { checkApprovals } from '../core/policy';
import type { Plan, RunEvent } from '../core/domain';
import type { RunWork } from '../core/engine';
import { applicableSteps } from '../core/plan';
import type { JournalEntry } from '../core/run-records';
import { defaultId, directoryMap, nowIso, type FlowContext } from './context';
import { executeAndFinish, type RunOutcome } from './finish';

export interface RunControls {
  /** Stop starting new work; in-flight calls finish, the rest is marked cancelled. */
  signal?: AbortSignal;
  /** Also abort directory calls in flight. */
  hardSignal?: AbortSignal;
  onEvent?: (event: RunEvent) => void;
  /** Called once the journal exists, before any account is touched. */
  onRunStarted?: (runId: string) => void;
}

export async function executePlan(context: FlowContext, plan: Plan, answers: ReadonlyMap<string, ApprovalAnswer>, controls: RunControls = {}): Promise<RunOutcome> {
  const directories = await directoryMap(context);
  for (const d of plan.directories) {
    if (!directories.has(d.id)) throw new Error(`${d.displayName} (${d.id}) is not connected; connect it before running this plan.`);
  }
  const runId = defaultId(context, 'run');
  const journal = await context.journals.create(runId);
  try {
    await journal.append([
      { type: 'run-started', data: { runId, planId: plan.id, operator: context.operator, practice: context.practice } },
      { type: 'plan', data: { plan } },
    ]);
    controls.onRunStarted?.(runId);

    // Approvals are checked now, at run start, and every decision is recorded.
    const check = checkApprovals(plan.entries, answers, context.operator, nowIso(context));
    const approvals: JournalEntry[] = [
      ...check.granted.map((grant): JournalEntry => ({ type: 'approval', data: { key: grant.key, granted: true, grant } })),
      ...check.refused.map((refusal): JournalEntry => ({ type: 'approval', data: { key: refusal.key, granted: false, state: refusal.state, reason: refusal.reason, by: context.operator } })),
    ];
    await journal.append(approvals);

    const granted = new Set(check.granted.map((g) => g.key));
    const work: RunWork[] = plan.entries.filter((e) => granted.has(e.key)).map((e) => ({ key: e.key, account: e.account, steps: applicableSteps(e) }));
    return await executeAndFinish(context, { runId, journal, directories, work, options: plan.options, controls });
  } finally {
    await journal.close();
  }
}
