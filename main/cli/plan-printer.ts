// How a plan and a run's outcome read on the terminal.
import type { Plan, SelectionProblem } from '../core/domain';
import { accountLabel } from '../core/labels';
import { stateLabels, type ReportState, type RunReport } from '../core/report';
import type { CliOutput } from './io';

export function printSelectionProblems(out: CliOutput, problems: readonly SelectionProblem[]): void {
  if (problems.length === 0) return;
  out.write(`${problems.length} selection problem${problems.length === 1 ? '' : 's'}:\n`);
  for (const p of problems) out.write(`  ${p.line === null ? '' : `line ${p.line}: `}${p.reason}: ${p.message}\n`);
}

export function printPlan(out: CliOutput, plan: Plan, detailed: boolean): void {
  const s = plan.summary;
  out.write(`Plan ${plan.id}: ${plan.selection}\n`);
  out.write(`  ${s.selected} selected, ${s.excluded} excluded, ${s.planned} planned (${s.withWork} with work to do)\n`);
  out.write(
    `  approval: ${s.byDecision.auto} auto, ${s.byDecision.confirm} confirm, ${s.byDecision['typed-confirm']} typed-confirm, ${s.byDecision.block} blocked\n`,
  );
  out.write(`  steps: ${Object.entries(s.byStep).map(([step, n]) => `${step} ${n}`).join(', ')}\n`);
  if (!detailed) return;
  for (const entry of plan.entries) {
    const steps = entry.steps.filter((st) => st.applicable).map((st) => st.step).join(', ') || 'nothing applicable';
    out.write(`  + ${accountLabel(entry.account)} [${entry.account.directoryId}] ${steps}; approval: ${entry.approval.decision}\n`);
    for (const w of entry.warnings) out.write(`      ! ${w.message}\n`);
  }
  for (const excluded of plan.excluded) out.write(`  - ${accountLabel(excluded.account)} [${excluded.account.directoryId}] ${excluded.exclusion.reason}\n`);
}

export function printOutcome(out: CliOutput, report: RunReport, journalPath: string): void {
  out.write(`Run ${report.runId} ${report.status}.\n`);
  const counts = (Object.entries(report.counts) as Array<[ReportState, number]>).filter(([, n]) => n > 0);
  out.write(`  ${counts.map(([state, n]) => `${stateLabels[state].toLowerCase()}: ${n}`).join(', ')}\n`);
  const notable = report.rows.filter((r) => r.finalState !== 'verified' && r.finalState !== 'excluded');
  for (const row of notable) out.write(`  ${stateLabels[row.finalState].padEnd(16)} ${row.login}: ${row.reason}\n`);
  out.write(`  journal: ${journalPath}\n`);
}
