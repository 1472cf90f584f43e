// The practice connection: Contoso (Entra), Fabrikam (Okta) and a handful of
// Windows computers, all simulated in this process (practice-directories.ts).
// Its runs are journaled as practice runs.
import type { Directory } from '../../core/domain';
import type { SavedConnection } from '../../storage/connections-file';
import { startPracticeDirectories, type PracticeDirectories } from '../practice-directories';
import type { ConnectionDescription, Diagnostic, KindContext, LiveConnection } from './live';

type PracticeRecord = Extract<SavedConnection, { kind: 'practice' }>;

export const PRACTICE_CONNECTION_ID = 'practice';

export class PracticeLive implements LiveConnection {
  readonly kind = 'practice' as const;
  /** The connection holds all three kinds; the view names them in its facts. */
  readonly directoryKind = 'entra' as const;
  readonly practice = true;
  readonly id = PRACTICE_CONNECTION_ID;
  readonly displayName: string;
  private running: PracticeDirectories | null = null;
  private starting: Promise<PracticeDirectories> | null = null;

  constructor(
    private readonly saved: PracticeRecord,
    private readonly context: KindContext,
  ) {
    this.displayName = saved.displayName;
  }

  static add(context: KindContext): PracticeLive {
    return new PracticeLive({ kind: 'practice', id: PRACTICE_CONNECTION_ID, displayName: 'Practice tenant' }, context);
  }

  /** The running stand-ins, for tests and the benchmark. */
  get practiceDirectories(): PracticeDirectories | null {
    return this.running;
  }

  record(): SavedConnection {
    return this.saved;
  }

  connected(): boolean {
    return this.running !== null;
  }

  describe(): ConnectionDescription {
    const facts = this.running ? this.running.facts() : [{ label: 'Directories', value: 'Contoso (practice Entra), Fabrikam (practice Okta), Practice Windows hosts' }];
    return {
      facts: [{ label: 'Kinds', value: 'Entra ID, Okta, Windows (all simulated on this computer)' }, ...facts],
      warnings: [],
      signedOutDetail: 'Connect to start the practice tenant; nothing real is touched.',
    };
  }

  directories(): Directory[] {
    return this.running ? this.running.directories : [];
  }

  async restore(): Promise<void> {
    if (this.running) return;
    const pacing = this.context.settings.get().pacing;
    this.starting ??= startPracticeDirectories({ rateShare: pacing.rateShare, windowsThrottle: pacing.windowsThrottle, clock: this.context.clock, ...this.context.practice });
    try {
      this.running = await this.starting;
    } finally {
      this.starting = null;
    }
  }

  signIn(): Promise<void> {
    return this.restore();
  }

  async signOut(): Promise<void> {
    await this.close();
  }

  async check(): Promise<Diagnostic[]> {
    if (!this.running) return [{ severity: 'error', title: 'Not connected', detail: 'The practice tenant is not running.', fix: 'Use Sign in to start it.' }];
    return this.running.check();
  }

  async forget(): Promise<void> {
    // Practice credentials live and die with the stand-ins.
  }

  async close(): Promise<void> {
    const running = this.running ?? (this.starting ? await this.starting.catch(() => null) : null);
    this.running = null;
    await running?.close();
  }
}
