// The activity timeline: what happened across all runs, newest first.
import { finalStateCounts, type RunState } from './run-state';
import { stateLabels, type ReportState } from './report';

export type TimelineKind = 'run-started' | 'run-resumed' | 'run-cancelled' | 'run-ended' | 'run-interrupted' | 'verify-again';

export interface TimelineEntry {
  at: string;
  runId: string;
  kind: TimelineKind;
  who: string;
  text: string;
  practice: boolean;
}

function describeCounts(counts: Partial<Record<ReportState, number>>): string {
  return (Object.entries(counts) as Array<[ReportState, number]>)
    .filter(([, n]) => n > 0)
    .map(([state, n]) => `${n} ${stateLabels[state].toLowerCase()}`)
    .join(', ');
}

export function buildTimeline(runs: readonly RunState[]): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  for (const run of runs) {
    const base = { runId: run.runId, practice: run.practice };
    const summary = run.plan.summary;
    entries.push({
      ...base,
      at: run.startedAt,
      kind: 'run-started',
      who: run.operator,
      text: `Started a reset of ${summary.planned} account${summary.planned === 1 ? '' : 's'} (${run.plan.selection}; ${summary.excluded} excluded).`,
    });
    for (const resume of run.resumes) {
      entries.push({ ...base, at: resume.at, kind: 'run-resumed', who: resume.by, text: `Resumed: ${resume.rerun.length} account(s) run again, ${resume.alreadyApplied.length} found already reset.` });
    }
    if (run.cancelled) entries.push({ ...base, at: run.cancelled.at, kind: 'run-cancelled', who: run.cancelled.by, text: `Cancelled: ${run.cancelled.reason}` });
    for (const verification of run.manualVerifications) {
      const state = run.accounts.get(verification.key);
      const login = state?.entry?.account.login ?? verification.key;
      entries.push({ ...base, at: verification.at, kind: 'verify-again', who: verification.by, text: `Verified ${login} again: ${verification.outcome}.` });
    }
    if (run.ended) entries.push({ ...base, at: run.ended.at, kind: 'run-ended', who: run.operator, text: `Finished: ${describeCounts(finalStateCounts(run))}.` });
    else entries.push({ ...base, at: run.lastAt, kind: 'run-interrupted', who: run.operator, text: 'Interrupted before it finished; it can be resumed.' });
  }
  return entries.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
