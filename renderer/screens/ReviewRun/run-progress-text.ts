// The words of the run's progress area, from the model's numbers.
import { formatCount, formatDuration, plural } from '../../lib/format';
import type { RunPhase, RunTotals } from './run-model';

export function phaseTitle(phase: RunPhase, cancelled: boolean): string {
  switch (phase) {
    case 'starting':
      return 'Starting the run…';
    case 'running':
      return 'Running';
    case 'verifying':
      return 'Verifying: re-reading each account';
    case 'finished':
      return cancelled ? 'Cancelled' : 'Finished';
  }
}

/** "120 of 200 accounts · 14.2 per second · about 6 s left" */
export function progressLine(totals: RunTotals, phase: RunPhase, throughputPerSecond: number | null, etaMs: number | null): string {
  const parts = [`${formatCount(totals.finished)} of ${plural(totals.total, 'account')} done`];
  if (throughputPerSecond !== null && throughputPerSecond > 0) parts.push(`${throughputPerSecond.toFixed(1)} per second`);
  if (phase === 'running' && etaMs !== null && etaMs > 0) parts.push(etaMs < 1_000 ? 'almost done' : `about ${formatDuration(etaMs)} left`);
  if (phase === 'verifying' && totals.awaitingVerification > 0) parts.push(`${formatCount(totals.awaitingVerification)} waiting for verification`);
  return parts.join(' · ');
}

/**
 * What the screen reader hears: phase changes and each quarter of the way,
 * not every frame (a 5,000-account run would never stop talking).
 */
export function progressAnnouncement(totals: RunTotals, phase: RunPhase, cancelled: boolean): string {
  if (phase === 'finished') {
    return `${phaseTitle(phase, cancelled)}: ${formatCount(totals.verified)} verified, ${formatCount(totals.notVerified)} not verified, ${formatCount(totals.couldNotVerify)} could not be verified, ${formatCount(totals.failed)} failed.`;
  }
  if (phase === 'starting' || totals.total === 0) return phaseTitle(phase, cancelled);
  const quarter = Math.floor((totals.finished / totals.total) * 4) * 25;
  return `${phaseTitle(phase, cancelled)}: ${quarter}% done.`;
}
