// View models of the Activity screen: which listings are runs and which failed
// to read, the chart's series (oldest first, most recent runs only), and the
// words for run statuses, timeline kinds and integrity results.
import type { StackedSeries } from '../../components/chart/chart-geometry';
import { outcomeOrder, type OutcomeState } from '../../components/chart/outcome-states';
import type { JournalIntegrityDto, RunListingDto, TimelineEntryDto } from '../../state/activity-store';

export type RunSummaryDto = Extract<RunListingDto, { status: string }>;
export type FailedListing = Extract<RunListingDto, { error: string }>;

export function isFailedListing(listing: RunListingDto): listing is FailedListing {
  return 'error' in listing;
}

/** Runs the chart shows at most: the most recent ones. */
export const CHARTED_RUNS = 40;

const shortDate = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });

export function shortRunLabel(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : shortDate.format(date);
}

/** The chart's series from the listing (newest first, as activity.runs answers): the latest runs, oldest on the left. */
export function chartSeries(listings: readonly RunListingDto[], limit = CHARTED_RUNS): StackedSeries<OutcomeState>[] {
  return listings
    .filter((listing): listing is RunSummaryDto => !isFailedListing(listing))
    .slice(0, limit)
    .reverse()
    .map((run) => ({ id: run.runId, label: shortRunLabel(run.startedAt), counts: run.finalStates }));
}

/** "463 verified · 21 not approved · 43 excluded", in chart order, zero counts left out. */
export function outcomeCounts(finalStates: RunSummaryDto['finalStates']): Array<{ state: OutcomeState; count: number }> {
  return outcomeOrder.map((state) => ({ state, count: finalStates[state] ?? 0 })).filter((item) => item.count > 0);
}

export const runStatusText: Record<RunSummaryDto['status'], { label: string; color: 'success' | 'warning' | 'informative' }> = {
  finished: { label: 'Finished', color: 'success' },
  cancelled: { label: 'Cancelled', color: 'informative' },
  unfinished: { label: 'Interrupted', color: 'warning' },
};

export const timelineKindText: Record<TimelineEntryDto['kind'], string> = {
  'run-started': 'Run started',
  'run-resumed': 'Resumed',
  'run-cancelled': 'Cancelled',
  'run-ended': 'Finished',
  'run-interrupted': 'Interrupted',
  'verify-again': 'Verified again',
};

/** The integrity badge's words: "Chain verified: 1,204 records" or "Broken at record 17: <problem>". */
export function integrityText(result: JournalIntegrityDto): { ok: boolean; text: string } {
  if (result.ok) {
    const records = `${new Intl.NumberFormat().format(result.records)} ${result.records === 1 ? 'record' : 'records'}`;
    return { ok: true, text: `Chain verified: ${records}${result.finished ? '' : ' (run not finished)'}` };
  }
  const where = result.seq !== null ? `record ${result.seq}` : `line ${result.line}`;
  return { ok: false, text: `Broken at ${where}: ${result.problem}` };
}
