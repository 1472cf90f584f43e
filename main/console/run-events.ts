// Relaying a run's events to the renderer. Every event goes out as it
// happens, except 'progress': the engine reports it after every batch, which
// for a 50,000-account run is far more than a screen can show, so progress is
// coalesced to at most one event per interval (default 100 ms: 10 per
// second), and the latest one is always sent before 'run-finished'.
import type { RunEvent } from '../core/domain';

export interface RunEventRelayOptions {
  intervalMs?: number;
  now?: () => number;
}

export class RunEventRelay {
  private pending: Extract<RunEvent, { type: 'progress' }> | null = null;
  private lastSent = Number.NEGATIVE_INFINITY;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly intervalMs: number;
  private readonly now: () => number;

  constructor(
    private readonly send: (event: RunEvent) => void,
    options: RunEventRelayOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 100;
    this.now = options.now ?? (() => Date.now());
  }

  push(event: RunEvent): void {
    if (event.type !== 'progress') {
      if (event.type === 'run-finished') this.flush();
      this.send(event);
      return;
    }
    this.pending = event;
    const wait = this.lastSent + this.intervalMs - this.now();
    if (wait <= 0) {
      this.flush();
      return;
    }
    if (!this.timer) {
      this.timer = setTimeout(() => {
        this.timer = null;
        this.flush();
      }, wait);
      this.timer.unref?.();
    }
  }

  /** Send the progress held back, if any. */
  flush(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    const progress = this.pending;
    this.pending = null;
    if (!progress) return;
    this.lastSent = this.now();
    this.send(progress);
  }
}
