// How each row status reads: the chip's words, its tone, and a sentence for
// screen readers and the drawer.
import { stepLabels } from './plan-view';
import type { RowStatus, RunRow } from './run-model';

export type StatusTone = 'neutral' | 'busy' | 'good' | 'bad' | 'warning' | 'muted';

export const rowStatusText: Record<RowStatus, { label: string; tone: StatusTone; sentence: string }> = {
  'not-approved': { label: 'Not approved', tone: 'muted', sentence: 'Not approved: nothing was changed.' },
  blocked: { label: 'Blocked', tone: 'muted', sentence: 'Blocked by policy: nothing was changed.' },
  pending: { label: 'Pending', tone: 'neutral', sentence: 'Waiting for its turn.' },
  running: { label: 'Running', tone: 'busy', sentence: 'Being reset now.' },
  retrying: { label: 'Retrying', tone: 'warning', sentence: 'A transient failure; Rekey retries after a pause.' },
  done: { label: 'Done', tone: 'neutral', sentence: 'Applied; waiting to be verified.' },
  failed: { label: 'Failed', tone: 'bad', sentence: 'The reset failed; see the steps for why.' },
  cancelled: { label: 'Cancelled', tone: 'muted', sentence: 'Cancelled before it was applied.' },
  'nothing-to-do': { label: 'Nothing to do', tone: 'muted', sentence: 'No step applied to this account.' },
  verified: { label: 'Verified', tone: 'good', sentence: 'Re-read after the reset: the change holds.' },
  'not-verified': { label: 'Not verified', tone: 'bad', sentence: 'Re-read after the reset: the change does not hold (yet).' },
  'could-not-verify': { label: 'Could not verify', tone: 'warning', sentence: 'The account could not be re-read; its state is unknown.' },
};

/** The one line a run row shows after its status: why, or what happened. */
export function rowSummary(row: Pick<RunRow, 'status' | 'steps' | 'retryNotes' | 'verify' | 'reason'>): string {
  const failedStep = row.steps.find((step) => step.status === 'failed');
  switch (row.status) {
    case 'failed':
      return failedStep?.message ?? (row.reason || rowStatusText.failed.sentence);
    case 'retrying':
      return row.retryNotes[row.retryNotes.length - 1]?.reason ?? rowStatusText.retrying.sentence;
    case 'not-verified':
    case 'could-not-verify':
      return row.verify?.reasons[0] ?? (row.reason || rowStatusText[row.status].sentence);
    case 'not-approved':
    case 'blocked':
    case 'cancelled':
      return row.reason || rowStatusText[row.status].sentence;
    default: {
      const done = row.steps.filter((step) => step.status === 'done').map((step) => stepLabels[step.step]);
      return done.length > 0 ? `${done.join(', ')}: done` : rowStatusText[row.status].sentence;
    }
  }
}
