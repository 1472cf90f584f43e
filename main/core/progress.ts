// Counts, throughput and ETA of a run, as the 'progress' event reports them.
import type { AccountRunOutcome, RunCounts, RunEvent } from './domain';
import type { Clock } from './ports';

export class ProgressTracker {
  private readonly counts: RunCounts;
  private readonly startedAt: number;
  private finishedCount = 0;

  constructor(
    private readonly runId: string,
    total: number,
    private readonly clock: Clock,
  ) {
    this.counts = { total, pending: total, inFlight: 0, applied: 0, failed: 0, cancelled: 0, nothingToDo: 0 };
    this.startedAt = clock.now();
  }

  started(accounts: number): void {
    this.counts.pending -= accounts;
    this.counts.inFlight += accounts;
  }

  finished(outcome: AccountRunOutcome, wasInFlight: boolean): void {
    if (wasInFlight) this.counts.inFlight--;
    else this.counts.pending--;
    this.finishedCount++;
    if (outcome === 'applied') this.counts.applied++;
    else if (outcome === 'failed') this.counts.failed++;
    else if (outcome === 'cancelled') this.counts.cancelled++;
    else this.counts.nothingToDo++;
  }

  snapshot(): Extract<RunEvent, { type: 'progress' }> {
    const now = this.clock.now();
    const elapsedSeconds = Math.max(0.001, (now - this.startedAt) / 1000);
    const throughput = this.finishedCount / elapsedSeconds;
    const remaining = this.counts.pending + this.counts.inFlight;
    return {
      type: 'progress',
      runId: this.runId,
      counts: { ...this.counts },
      throughputPerSecond: Math.round(throughput * 100) / 100,
      etaMs: remaining === 0 ? 0 : throughput > 0 ? Math.round((remaining / throughput) * 1000) : null,
      at: new Date(now).toISOString(),
    };
  }
}
