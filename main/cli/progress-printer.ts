// Live progress for the terminal. On a TTY: one line that updates in place,
// with failures and retries printed above it. Otherwise (pipes, CI logs):
// one plain line per event worth keeping.
import type { RunEvent } from '../core/domain';
import type { CliOutput } from './io';

function seconds(ms: number): string {
  return ms < 1000 ? `${ms} ms` : ms < 90_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms / 60_000)} min`;
}

export class ProgressPrinter {
  private total = 0;
  private finished = 0;
  private line = '';
  private current = '';

  constructor(private readonly out: CliOutput) {}

  handle(event: RunEvent): void {
    switch (event.type) {
      case 'run-started':
        this.total = event.total;
        this.print(`Run ${event.runId}: ${event.total} account${event.total === 1 ? '' : 's'} to reset.`);
        break;
      case 'account-started':
        this.current = event.login;
        this.render();
        break;
      case 'retry-scheduled':
        this.print(`retry    ${event.keys.length} account(s) in ${seconds(event.delayMs)} (attempt ${event.attempt}): ${event.reason}`);
        break;
      case 'account-finished':
        this.finished++;
        if (!this.out.isTTY || event.outcome !== 'applied') this.print(`[${this.finished}/${this.total}] ${event.outcome.padEnd(13)} ${event.login}`);
        else this.render();
        break;
      case 'step-finished':
        if (event.result.status === 'failed') this.print(`failed   ${event.login}: ${event.result.step}: ${event.result.message}`);
        break;
      case 'progress': {
        const c = event.counts;
        const eta = event.etaMs === null ? '' : ` · ETA ${seconds(event.etaMs)}`;
        this.line = `${c.total - c.pending - c.inFlight}/${c.total} · applied ${c.applied} · failed ${c.failed} · cancelled ${c.cancelled} · ${event.throughputPerSecond}/s${eta}`;
        this.render();
        break;
      }
      case 'verify-finished':
        if (event.outcome !== 'verified') this.print(`${event.outcome.padEnd(16)} ${event.login}: ${event.reasons.join(' ')}`);
        else if (!this.out.isTTY) this.print(`verified         ${event.login}`);
        break;
      case 'run-finished':
        this.clear();
        break;
    }
  }

  private render(): void {
    if (!this.out.isTTY) return;
    const text = `${this.line}${this.current ? ` · ${this.current}` : ''}`;
    this.out.write(`\r\x1b[2K${text.slice(0, 118)}`);
  }

  private clear(): void {
    if (this.out.isTTY) this.out.write('\r\x1b[2K');
  }

  /** A line that stays: above the live line on a TTY. */
  private print(text: string): void {
    this.clear();
    this.out.write(`${text}\n`);
    this.render();
  }
}
