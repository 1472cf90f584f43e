// One long-lived PowerShell session: started on first use, loaded once with
// session.ps1 and the four scripts, then fed one fixed line per request.
// Requests run one at a time (a PowerShell process is single-threaded, and
// remote fan-out happens inside it through Invoke-Command -ThrottleLimit).
// A request that does not answer in time gets the process killed; the next
// request starts a fresh one, loaded again, and the evidence says so.
import type { Evidence } from '../core/domain';
import { systemClock, type Clock } from '../core/ports';
import { bootstrapLine, clearCredentialLine, credentialLine, invokeLine, parseOutput, registerLine } from './command';
import { describeDuration, EngineExitedError, EngineTimeoutError, type EngineOutput, type PowerShellEngine } from './engine';
import {
  replySchemas,
  scriptFile,
  scriptNames,
  toBase64Json,
  type HostErrorRecord,
  type ReplyOf,
  type ScriptName,
  type ScriptPayload,
} from './protocol';
import type { ScriptSources } from './scripts';

export interface RemoteTarget {
  hosts: string[];
  throttle: number;
  useSsl: boolean;
  port: number | null;
  authentication: string | null;
  useCredential: boolean;
}

export interface SessionCredential {
  userName: string;
  password: string;
}

export interface SessionOptions {
  createEngine: () => PowerShellEngine | Promise<PowerShellEngine>;
  sources: ScriptSources;
  /** How long one request may take before the process is stopped. Default 120 s. */
  timeoutMs?: number;
  clock?: Clock;
}

export type RunStatus = 'ok' | 'failed' | 'timeout' | 'exited' | 'protocol-error';

export interface RunOutcome<S extends ScriptName> {
  status: RunStatus;
  /** Valid replies, one per host that answered ("." for this computer). */
  replies: { host: string; reply: ReplyOf<S> }[];
  /** Hosts whose reply did not have the expected shape. */
  invalidReplies: { host: string; problem: string }[];
  hostErrors: HostErrorRecord[];
  /** A sentence for the admin when status is not "ok". */
  problem: string | null;
  evidence: Evidence;
}

const evidenceLimit = 4000;
const defaultTimeoutMs = 120_000;

function bounded(text: string, limit = evidenceLimit): string {
  return text.length <= limit ? text : `${text.slice(0, limit)} … (${text.length - limit} more characters)`;
}

export class PowerShellSession {
  private engine: PowerShellEngine | null = null;
  private credential: SessionCredential | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private started = 0;
  private readonly timeoutMs: number;
  private readonly clock: Clock;

  constructor(private readonly options: SessionOptions) {
    this.timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
    this.clock = options.clock ?? systemClock;
  }

  /** How many PowerShell processes this session has started (more than one means it was restarted). */
  get processesStarted(): number {
    return this.started;
  }

  /** Keep a credential for remote hosts, in memory only; null goes back to the current Windows identity. */
  setCredential(credential: SessionCredential | null): Promise<void> {
    return this.serial(async () => {
      this.credential = credential;
      const engine = this.engine;
      if (!engine) return; // handed over when the next process starts
      try {
        await this.sendCredential(engine);
      } catch (error) {
        // A process that fumbled the credential is not trusted with the next request.
        this.engine = null;
        await engine.dispose();
        throw error instanceof EngineTimeoutError ? new Error('PowerShell did not answer while taking the credential; try again.') : error;
      }
    });
  }

  hasCredential(): boolean {
    return this.credential !== null;
  }

  run<S extends ScriptName>(script: S, payload: ScriptPayload, remote: RemoteTarget | null): Promise<RunOutcome<S>> {
    return this.serial(() => this.runNow(script, payload, remote));
  }

  dispose(): Promise<void> {
    return this.serial(async () => {
      const engine = this.engine;
      this.engine = null;
      this.credential = null;
      await engine?.dispose();
    });
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private async sendCredential(engine: PowerShellEngine): Promise<void> {
    const line = this.credential ? credentialLine(this.credential.userName, this.credential.password) : clearCredentialLine;
    const output = await engine.invoke(line, this.timeoutMs);
    // Deliberately no stderr in the message: PowerShell echoes the failing line, which holds the secret.
    if (output.hadErrors) throw new Error('PowerShell did not accept the credential for remote computers.');
  }

  private async start(): Promise<PowerShellEngine> {
    if (this.engine) return this.engine;
    const engine = await this.options.createEngine();
    this.started += 1;
    try {
      const lines = [bootstrapLine(this.options.sources.session), ...scriptNames.map((name) => registerLine(name, this.options.sources.scripts[name]))];
      for (const line of lines) {
        const output = await engine.invoke(line, this.timeoutMs);
        if (output.hadErrors) throw new Error(`Rekey's scripts could not be loaded into PowerShell: ${bounded(output.stderr.trim(), 500)}`);
      }
      if (this.credential) await this.sendCredential(engine);
    } catch (error) {
      await engine.dispose();
      throw error;
    }
    this.engine = engine;
    return engine;
  }

  private async runNow<S extends ScriptName>(script: S, payload: ScriptPayload, remote: RemoteTarget | null): Promise<RunOutcome<S>> {
    const hostLabel = remote ? remote.hosts.join(', ') : '.';
    const line = invokeLine(script, {
      hosts: remote?.hosts ?? [],
      throttle: remote?.throttle ?? 1,
      useSsl: remote?.useSsl ?? false,
      port: remote?.port ?? null,
      authentication: remote?.authentication ?? null,
      useCredential: remote?.useCredential ?? false,
      payload: toBase64Json(payload),
    });
    let output: EngineOutput;
    try {
      const engine = await this.start();
      output = await engine.invoke(line, this.timeoutMs);
    } catch (error) {
      return this.failedRun(script, hostLabel, error);
    }
    return this.readOutcome(script, hostLabel, output);
  }

  private async failedRun<S extends ScriptName>(script: S, hostLabel: string, error: unknown): Promise<RunOutcome<S>> {
    const engine = this.engine;
    this.engine = null;
    await engine?.dispose();
    const timedOut = error instanceof EngineTimeoutError;
    const problem = timedOut
      ? `PowerShell did not answer within ${describeDuration(this.timeoutMs)}, so the session was stopped and will be restarted for the next request; whether ${scriptFile(script)} finished is unknown, so verify re-reads the accounts.`
      : error instanceof EngineExitedError
        ? `${error.message} A new PowerShell session will be started for the next request.`
        : `${error instanceof Error ? error.message : String(error)} Check the PowerShell edition in Settings.`;
    return {
      status: timedOut ? 'timeout' : 'exited',
      replies: [],
      invalidReplies: [],
      hostErrors: [],
      problem,
      evidence: {
        kind: 'powershell',
        host: hostLabel,
        script: scriptFile(script),
        exitStatus: timedOut ? 'timeout' : 'exited',
        output: bounded(`${problem} (PowerShell processes started so far: ${this.started})`),
        at: this.now(),
      },
    };
  }

  private readOutcome<S extends ScriptName>(script: S, hostLabel: string, output: EngineOutput): RunOutcome<S> {
    const parsed = parseOutput(output.stdout);
    const schema = replySchemas[script];
    const replies: { host: string; reply: ReplyOf<S> }[] = [];
    const invalidReplies: { host: string; problem: string }[] = [];
    for (const { host, reply } of parsed.replies) {
      const checked = schema.safeParse(reply);
      if (checked.success) replies.push({ host, reply: checked.data as ReplyOf<S> });
      else invalidReplies.push({ host, problem: `${scriptFile(script)} answered in an unexpected shape (${checked.error.issues[0]?.message ?? 'invalid'}).` });
    }

    let status: RunStatus;
    let problem: string | null = null;
    if (!parsed.end) {
      status = 'protocol-error';
      const stderr = output.stderr.trim();
      problem = `${scriptFile(script)} did not report how it ended${stderr ? `: ${bounded(stderr.split(/\r?\n/)[0] ?? '', 300)}` : ''}.`;
    } else if (!parsed.end.ok) {
      status = 'failed';
      problem = `${scriptFile(script)} stopped: ${parsed.end.errors.map((e) => e.message).join(' ')}`;
    } else {
      status = 'ok';
    }

    const report = [
      `$? ${parsed.succeeded === null ? 'unknown' : parsed.succeeded ? 'True' : 'False'}`,
      `end: ${parsed.end ? (parsed.end.ok ? 'ok' : `failed (${parsed.end.errors.map((e) => `${e.fullyQualifiedErrorId}: ${e.message}`).join('; ')})`) : 'missing'}`,
      `replies: ${parsed.replies.map((r) => r.host).join(', ') || 'none'}`,
      ...parsed.hostErrors.map((e) => `host error ${e.targetObject ?? e.originComputer ?? '?'}: ${e.fullyQualifiedErrorId}: ${e.message}`),
      ...invalidReplies.map((r) => `invalid reply from ${r.host}: ${r.problem}`),
      ...parsed.malformed.map((m) => `unreadable line: ${m}`),
      ...(parsed.other.length ? [`other output: ${parsed.other.join(' | ')}`] : []),
      ...(output.stderr.trim() ? [`stderr: ${output.stderr.trim()}`] : []),
    ].join('\n');

    return {
      status,
      replies,
      invalidReplies,
      hostErrors: parsed.hostErrors,
      problem,
      evidence: {
        kind: 'powershell',
        host: hostLabel,
        script: scriptFile(script),
        exitStatus: status === 'ok' ? 0 : status === 'failed' ? 1 : status,
        output: bounded(report),
        at: this.now(),
      },
    };
  }
}
