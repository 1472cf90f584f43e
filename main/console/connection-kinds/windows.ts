// Windows local accounts: this computer's SAM (only when Rekey runs on
// Windows), or the SAM of remote computers over WinRM. A typed credential for
// remote computers is kept in this process's memory (and the PowerShell
// process) for this session only; the saved record names the user, never the
// password.
import { createHash } from 'node:crypto';
import type { AddConnectionRequest } from '../../../preload/contract';
import type { Directory } from '../../core/domain';
import type { WindowsDirectory } from '../../windows/directory';
import { connectionProblems, validateHostName, validateUserName, type ConnectionIdentity, type HostEntry, type TransportOptions } from '../../windows/hosts';
import { createNodeSession, loadScriptSources, remoteHostsDirectory, thisComputerDirectory } from '../../windows/index';
import type { PowerShellSession } from '../../windows/session';
import type { SavedConnection } from '../../storage/connections-file';
import { windowsDiagnostics } from './diagnostics';
import { yesNo, type ConnectionDescription, type Diagnostic, type KindContext, type LiveConnection } from './live';

type LocalRecord = Extract<SavedConnection, { kind: 'windows-local' }>;
type RemoteRecord = Extract<SavedConnection, { kind: 'windows-remote' }>;
type RemoteRequest = Extract<AddConnectionRequest, { kind: 'windows-remote' }>;

export const THIS_COMPUTER_ID = 'windows:this-computer';

const platformNames: Partial<Record<NodeJS.Platform, string>> = { linux: 'Linux', darwin: 'macOS', freebsd: 'FreeBSD' };

/** Why this computer's accounts cannot be reached here, or null on Windows. */
export function localRefusal(platform: NodeJS.Platform): string | null {
  if (platform === 'win32') return null;
  return `This computer's local accounts can only be reset when Rekey runs on Windows, and this is ${platformNames[platform] ?? platform}; add remote Windows computers instead, or try the practice connection.`;
}

async function newSession(context: KindContext): Promise<PowerShellSession> {
  return createNodeSession({ edition: context.settings.get().powershellEdition, sources: await loadScriptSources(...(context.scriptsDir ? [context.scriptsDir] : [])) });
}

export class WindowsLocalLive implements LiveConnection {
  readonly kind = 'windows-local' as const;
  readonly directoryKind = 'windows' as const;
  readonly practice = false;
  readonly id = THIS_COMPUTER_ID;
  readonly displayName: string;
  private directory: WindowsDirectory | null = null;
  private session: PowerShellSession | null = null;
  private elevated: boolean | null = null;

  constructor(
    private readonly saved: LocalRecord,
    private readonly context: KindContext,
  ) {
    this.displayName = saved.displayName;
  }

  static add(context: KindContext): WindowsLocalLive {
    const refusal = localRefusal(context.platform);
    if (refusal) throw new Error(refusal);
    return new WindowsLocalLive({ kind: 'windows-local', id: THIS_COMPUTER_ID, displayName: 'This computer' }, context);
  }

  record(): SavedConnection {
    return this.saved;
  }

  connected(): boolean {
    return this.directory !== null;
  }

  describe(): ConnectionDescription {
    const facts = [{ label: 'Computer', value: 'This computer (local accounts)' }];
    const warnings: string[] = [];
    if (this.elevated !== null) {
      facts.push({ label: 'Running as administrator', value: yesNo(this.elevated) });
      if (!this.elevated) warnings.push('Rekey is not running as administrator: it can list local accounts, but Windows refuses to change them. Restart Rekey with "Run as administrator".');
    }
    const refusal = localRefusal(this.context.platform);
    return { facts, warnings, signedOutDetail: refusal ?? 'Connect to read this computer\'s local accounts.' };
  }

  directories(): Directory[] {
    return this.directory ? [this.directory] : [];
  }

  async restore(): Promise<void> {
    const refusal = localRefusal(this.context.platform);
    if (refusal) throw new Error(refusal);
    this.elevated = await this.context.isElevated();
    this.session ??= await newSession(this.context);
    this.directory = thisComputerDirectory(this.session, this.context.clock);
  }

  signIn(): Promise<void> {
    return this.restore();
  }

  async signOut(): Promise<void> {
    await this.close();
  }

  async check(): Promise<Diagnostic[]> {
    const refusal = localRefusal(this.context.platform);
    if (refusal) return [{ severity: 'error', title: 'Not available on this computer', detail: refusal }];
    if (!this.directory) await this.restore();
    return windowsDiagnostics(this.directory as WindowsDirectory);
  }

  async forget(): Promise<void> {
    // Nothing is stored for this computer.
  }

  async close(): Promise<void> {
    this.directory = null;
    const session = this.session;
    this.session = null;
    await session?.dispose();
  }
}

function transportOf(kind: RemoteRecord['transport']): TransportOptions {
  return kind === 'https' ? { kind: 'https', authentication: 'Negotiate' } : { kind: 'http', authentication: 'Kerberos' };
}

/** Host names checked one by one; every bad one is named. */
export function checkedHosts(hosts: readonly string[]): HostEntry[] {
  const entries: HostEntry[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const raw of hosts) {
    const checked = validateHostName(raw);
    if (!checked.ok) {
      problems.push(checked.reason);
      continue;
    }
    if (seen.has(checked.host.name.toLowerCase())) continue;
    seen.add(checked.host.name.toLowerCase());
    entries.push(checked.host);
  }
  if (problems.length > 0) throw new Error(`Some computer names cannot be used: ${problems.join(' ')}`);
  return entries;
}

/** The same set of computers always gets the same id, so adding it again (with a new password) replaces it. */
export function remoteConnectionId(hosts: readonly HostEntry[]): string {
  const names = hosts.map((h) => h.name.toLowerCase()).sort();
  return `windows:hosts-${createHash('sha256').update(names.join('\n')).digest('hex').slice(0, 12)}`;
}

function remoteDisplayName(hosts: readonly HostEntry[]): string {
  const names = hosts.map((h) => h.name);
  if (names.length === 1) return names[0] as string;
  return `${names.length} computers (${names.slice(0, 3).join(', ')}${names.length > 3 ? ', …' : ''})`;
}

export class WindowsRemoteLive implements LiveConnection {
  readonly kind = 'windows-remote' as const;
  readonly directoryKind = 'windows' as const;
  readonly practice = false;
  readonly id: string;
  readonly displayName: string;
  private readonly hosts: HostEntry[];
  private directory: WindowsDirectory | null = null;
  private session: PowerShellSession | null = null;

  constructor(
    private readonly saved: RemoteRecord,
    private readonly context: KindContext,
    /** In memory only; gone when Rekey closes. */
    private password: string | null = null,
  ) {
    this.id = saved.id;
    this.displayName = saved.displayName;
    this.hosts = checkedHosts(saved.hosts);
  }

  static add(request: RemoteRequest, context: KindContext): WindowsRemoteLive {
    const hosts = checkedHosts(request.hosts);
    if (request.credential) {
      const problem = validateUserName(request.credential.userName);
      if (problem) throw new Error(problem);
    }
    const record: RemoteRecord = {
      kind: 'windows-remote',
      id: remoteConnectionId(hosts),
      displayName: remoteDisplayName(hosts),
      hosts: hosts.map((h) => h.name),
      transport: request.transport,
      ...(request.credential ? { userName: request.credential.userName.trim() } : {}),
    };
    return new WindowsRemoteLive(record, context, request.credential?.password ?? null);
  }

  record(): SavedConnection {
    return this.saved;
  }

  connected(): boolean {
    return this.directory !== null;
  }

  describe(): ConnectionDescription {
    const facts = [
      { label: 'Computers', value: this.hosts.map((h) => h.name).join(', ') },
      { label: 'Transport', value: this.saved.transport === 'https' ? 'WinRM over HTTPS (5986), Negotiate' : 'WinRM over HTTP (5985), Kerberos' },
      { label: 'Connects as', value: this.saved.userName ? `${this.saved.userName} (password kept for this session only)` : 'The Windows account running Rekey' },
      { label: 'Computers at once', value: String(this.throttle()) },
    ];
    const warnings = connectionProblems(this.hosts, transportOf(this.saved.transport), this.identityRef()).map((p) => p.reason);
    const signedOutDetail =
      this.saved.userName && this.password === null
        ? `Rekey keeps the password of ${this.saved.userName} only while it runs: add these computers again with the password.`
        : 'Connect to reach these computers.';
    return { facts, warnings, signedOutDetail };
  }

  directories(): Directory[] {
    return this.directory ? [this.directory] : [];
  }

  /** After a restart the password is gone: the connection stays signed out until it is added again. */
  async restore(): Promise<void> {
    if (this.saved.userName && this.password === null) return;
    this.session ??= await newSession(this.context);
    this.directory = await remoteHostsDirectory({
      id: this.id,
      displayName: this.displayName,
      session: this.session,
      hosts: this.hosts,
      transport: transportOf(this.saved.transport),
      identity: this.identity(),
      throttle: this.throttle(),
      clock: this.context.clock,
    });
  }

  async signIn(): Promise<void> {
    await this.restore();
    if (!this.directory) throw new Error(this.describe().signedOutDetail);
  }

  /** Signing out of remote computers forgets the session password too. */
  async signOut(): Promise<void> {
    this.password = null;
    await this.close();
  }

  async check(): Promise<Diagnostic[]> {
    const refused = connectionProblems(this.hosts, transportOf(this.saved.transport), this.identityRef()).map(
      (p): Diagnostic => ({ severity: 'error', title: `${p.host} cannot be reached this way`, fix: p.reason }),
    );
    if (!this.directory) {
      return [...refused, { severity: 'error', title: 'Not connected', detail: this.describe().signedOutDetail }];
    }
    return [...refused, ...(await windowsDiagnostics(this.directory))];
  }

  async forget(): Promise<void> {
    this.password = null;
  }

  async close(): Promise<void> {
    this.directory = null;
    const session = this.session;
    this.session = null;
    await session?.dispose();
  }

  private throttle(): number {
    return this.context.settings.get().pacing.windowsThrottle;
  }

  private identity(): ConnectionIdentity {
    return this.saved.userName && this.password !== null ? { kind: 'explicit', userName: this.saved.userName, password: this.password } : { kind: 'current' };
  }

  private identityRef(): { kind: 'current' } | { kind: 'explicit'; userName: string } {
    return this.saved.userName ? { kind: 'explicit', userName: this.saved.userName } : { kind: 'current' };
  }
}
