// A simulated PowerShell process and the network of Windows computers behind
// it. The engine reads exactly the lines Rekey types (bootstrap, script
// registration, credential, Invoke-RekeyScript) and answers in the same
// marker-and-base64 lines the real session.ps1 prints, so the session and the
// directory run unchanged against it. Remote hosts fail the way WinRM fails:
// unknown names, offline hosts, untrusted targets, wrong passwords, UAC remote
// restrictions, timeouts, and script errors, each as the ErrorRecord
// Invoke-Command would produce. The process itself can be made to hang or crash.
import type { Clock } from '../../core/ports';
import { EngineExitedError, withTimeout, type EngineOutput, type PowerShellEngine } from '../../windows/engine';
import { base64Pattern, fromBase64Json, fromBase64Text, type HostErrorRecord, type ScriptName } from '../../windows/protocol';
import { SamDatabase, type MachineSeed } from './sam';
import { runList, runPreflight, runReadState, runReset, type RunContext } from './script-runner';

export type Reachability = 'online' | 'offline' | 'slow';

export interface RemoteAdmin {
  /** As typed in a credential: "CONTOSO\\helpdesk.ops", "MADRID-WS07\\rekey-admin", ".\\rekey-admin". */
  userName: string;
  /** Only for explicit credentials; the current identity needs none. */
  password?: string;
  /** When the admin is a local account of this computer: its RID. */
  localRid?: number;
  /** When the admin is a domain account: its SID (default: the current identity's). */
  sid?: string;
}

export interface RemoteAccess {
  /** Joined to the domain: Kerberos works with the current identity. */
  kerberos: boolean;
  httpsListener: boolean;
  /** UAC remote restrictions lifted (LocalAccountTokenFilterPolicy = 1). */
  localAccountTokenFilterPolicy: boolean;
  admins: RemoteAdmin[];
}

export interface SimulatedComputer {
  sam: SamDatabase;
  access: RemoteAccess;
  reachability: Reachability;
  /** A message Rekey's script throws on this host (an error from inside the remote script). */
  scriptError: string | null;
  /** Whether a local PowerShell session on it runs elevated. */
  elevatedLocally: boolean;
}

export interface ComputerSeed extends MachineSeed {
  access?: Partial<RemoteAccess>;
  reachability?: Reachability;
  elevatedLocally?: boolean;
}

export interface SessionFault {
  kind: 'hang' | 'crash';
  /** Only when this script is invoked; any command otherwise. */
  script?: ScriptName;
}

export interface RecordedRequest {
  script: ScriptName;
  hosts: string[];
  throttle: number;
  useSsl: boolean;
  port: number | null;
  authentication: string | null;
  useCredential: boolean;
}

/** The identity running Rekey when no credential is given. */
export interface CurrentIdentity {
  name: string;
  sid: string;
}

export class SimulatedNetwork {
  readonly computers = new Map<string, SimulatedComputer>();
  readonly requests: RecordedRequest[] = [];
  /** Hosts in this computer's WinRM TrustedHosts list. */
  readonly trustedHosts = new Set<string>();
  private readonly faults: SessionFault[] = [];
  /** Every command line any simulated session received, for tests that check what was typed. */
  readonly typed: string[] = [];

  constructor(
    readonly thisComputer: SimulatedComputer,
    readonly currentIdentity: CurrentIdentity,
    readonly clock: Clock,
  ) {}

  static computer(seed: ComputerSeed, clock: Clock): SimulatedComputer {
    return {
      sam: new SamDatabase(seed, clock),
      access: { kerberos: true, httpsListener: false, localAccountTokenFilterPolicy: false, admins: [], ...seed.access },
      reachability: seed.reachability ?? 'online',
      scriptError: null,
      elevatedLocally: seed.elevatedLocally ?? true,
    };
  }

  /** Reachable under its name, its DNS name and any extra names (an IP address). */
  addComputer(computer: SimulatedComputer, ...names: string[]): void {
    for (const name of [computer.sam.computerName, ...names]) this.computers.set(name.toLowerCase(), computer);
  }

  resolve(host: string): SimulatedComputer | undefined {
    return this.computers.get(host.toLowerCase());
  }

  /** The next matching command makes the PowerShell process hang (until killed) or crash. */
  injectSessionFault(fault: SessionFault): void {
    this.faults.push(fault);
  }

  takeFault(script: ScriptName | null): SessionFault | undefined {
    const index = this.faults.findIndex((f) => f.script === undefined || f.script === script);
    return index >= 0 ? this.faults.splice(index, 1)[0] : undefined;
  }

  openSession(): SimulatedPowerShellHost {
    return new SimulatedPowerShellHost(this);
  }
}

const lines = {
  bootstrap: /^\. \(\[ScriptBlock\]::Create\(\[System\.Text\.Encoding\]::UTF8\.GetString\(\[System\.Convert\]::FromBase64String\('([^']*)'\)\)\)\)$/,
  register: /^Register-RekeyScript -Name '([a-z-]+)' -Source '([^']*)'$/,
  credential: /^Set-RekeyCredential -Data '([^']*)'$/,
  clearCredential: /^Clear-RekeyCredential$/,
  invoke: /^Invoke-RekeyScript -Name '([a-z-]+)' -Request '([^']*)'; \[Console\]::Out\.WriteLine\('REKEY1-STATUS ' \+ \$\?\)$/,
};

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

interface Envelope {
  hosts: string[];
  throttle: number;
  useSsl: boolean;
  port: number | null;
  authentication: string | null;
  useCredential: boolean;
  payload: string;
}

/** One simulated powershell.exe. State (accounts) lives in the network, so it survives a restart. */
export class SimulatedPowerShellHost implements PowerShellEngine {
  private disposed = false;
  private bootstrapped = false;
  private readonly scripts = new Set<string>();
  private credential: { userName: string; password: string } | null = null;

  constructor(private readonly network: SimulatedNetwork) {}

  async invoke(command: string, timeoutMs: number): Promise<EngineOutput> {
    if (this.disposed) throw new EngineExitedError('The PowerShell process has already been stopped.');
    // Keep what was typed for tests, but never a practice password.
    this.network.typed.push(lines.credential.test(command) ? "Set-RekeyCredential -Data '<redacted>'" : command);
    const invoked = lines.invoke.exec(command);
    const fault = this.network.takeFault(invoked ? (invoked[1] as ScriptName) : null);
    if (fault?.kind === 'hang') {
      return withTimeout(new Promise<EngineOutput>(() => undefined), timeoutMs, () => this.dispose());
    }
    if (fault?.kind === 'crash') {
      await this.dispose();
      throw new EngineExitedError('The PowerShell process stopped: powershell.exe exited with code -1073741819.');
    }
    return this.interpret(command, invoked);
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.credential = null;
  }

  private notRecognized(command: string): EngineOutput {
    const term = command.split(/[\s(]/)[0] ?? command;
    return {
      hadErrors: true,
      stdout: '',
      stderr: `${term} : The term '${term}' is not recognized as the name of a cmdlet, function, script file, or operable program.`,
    };
  }

  private interpret(command: string, invoked: RegExpExecArray | null): EngineOutput {
    const ok: EngineOutput = { hadErrors: false, stdout: '', stderr: '' };
    const boot = lines.bootstrap.exec(command);
    if (boot) {
      if (!fromBase64Text(boot[1] ?? '').includes('function Invoke-RekeyScript')) {
        return { hadErrors: true, stdout: '', stderr: 'The bootstrap script does not define Invoke-RekeyScript.' };
      }
      this.bootstrapped = true;
      return ok;
    }
    if (!this.bootstrapped) return this.notRecognized(command);
    const register = lines.register.exec(command);
    if (register) {
      this.scripts.add(register[1] ?? '');
      return ok;
    }
    const credential = lines.credential.exec(command);
    if (credential) {
      const data = fromBase64Json(credential[1] ?? '') as { userName: string; password: string };
      this.credential = { userName: data.userName, password: data.password };
      return ok;
    }
    if (lines.clearCredential.test(command)) {
      this.credential = null;
      return ok;
    }
    if (invoked) return this.run(invoked[1] as ScriptName, invoked[2] ?? '');
    return this.notRecognized(command);
  }

  private run(script: ScriptName, request: string): EngineOutput {
    const out: string[] = [];
    const end = (ok: boolean, errors: { fullyQualifiedErrorId: string; message: string }[] = []) => {
      out.push(`REKEY1-END ${b64(JSON.stringify({ ok, errors }))}`);
      out.push('REKEY1-STATUS True');
      return { hadErrors: false, stdout: `${out.join('\r\n')}\r\n`, stderr: '' };
    };
    if (!this.scripts.has(script)) {
      return end(false, [{ fullyQualifiedErrorId: 'RuntimeException', message: `The script '${script}' is not loaded in this PowerShell session.` }]);
    }
    if (!base64Pattern.test(request)) return end(false, [{ fullyQualifiedErrorId: 'FormatException', message: 'The input is not a valid Base-64 string.' }]);
    const envelope = fromBase64Json(request) as Envelope;
    this.network.requests.push({
      script,
      hosts: envelope.hosts,
      throttle: envelope.throttle,
      useSsl: envelope.useSsl,
      port: envelope.port,
      authentication: envelope.authentication,
      useCredential: envelope.useCredential,
    });
    const payload = fromBase64Json(envelope.payload);
    const reply = (host: string, body: unknown) => out.push(`REKEY1-REPLY ${b64(host)} ${b64(JSON.stringify(body))}`);

    if (envelope.hosts.length === 0) {
      const local = this.network.thisComputer;
      const caller = { name: this.network.currentIdentity.name, sid: this.network.currentIdentity.sid };
      reply('.', this.answer(script, local, payload, { remote: false, caller, elevated: local.elevatedLocally }));
      return end(true);
    }
    if (envelope.useCredential && !this.credential) {
      return end(false, [{ fullyQualifiedErrorId: 'RuntimeException', message: 'No credential is loaded in this PowerShell session.' }]);
    }
    for (const host of envelope.hosts) {
      const outcome = this.connect(host, envelope);
      if ('error' in outcome) {
        out.push(`REKEY1-HOSTERROR ${b64(JSON.stringify(outcome.error))}`);
        continue;
      }
      if (outcome.computer.scriptError) {
        const error: HostErrorRecord = {
          targetObject: null,
          originComputer: host,
          fullyQualifiedErrorId: 'RuntimeException',
          category: 'OperationStopped',
          reason: 'RuntimeException',
          errorCode: null,
          message: outcome.computer.scriptError,
        };
        out.push(`REKEY1-HOSTERROR ${b64(JSON.stringify(error))}`);
        continue;
      }
      reply(host, this.answer(script, outcome.computer, payload, { remote: true, caller: outcome.caller, elevated: true }));
    }
    return end(true);
  }

  private answer(script: ScriptName, computer: SimulatedComputer, payload: unknown, context: RunContext): unknown {
    switch (script) {
      case 'preflight':
        return runPreflight(computer.sam, context);
      case 'list':
        return runList(computer.sam, context);
      case 'reset':
        return runReset(computer.sam, payload as Parameters<typeof runReset>[1], context);
      case 'read-state':
        return runReadState(computer.sam, payload as Parameters<typeof runReadState>[1]);
    }
  }

  /** What WinRM would do for this host and this way of connecting. */
  private connect(host: string, envelope: Envelope): { computer: SimulatedComputer; caller: { name: string; sid: string } } | { error: HostErrorRecord } {
    const error = (id: string, category: string, message: string, errorCode: number | null): { error: HostErrorRecord } => ({
      error: { targetObject: host, originComputer: null, fullyQualifiedErrorId: `${id},PSSessionStateBroken`, category, reason: 'PSRemotingTransportException', errorCode, message },
    });
    const computer = this.network.resolve(host);
    if (!computer) {
      return error('ComputerNotFound', 'OpenError', `Connecting to remote server ${host} failed with the following error message : WinRM cannot process the request. The following error occurred while using Kerberos authentication: Cannot find the computer ${host}. Verify that the computer exists on the network and that the name provided is spelled correctly.`, -2146893053);
    }
    if (computer.reachability === 'offline' || (envelope.useSsl && !computer.access.httpsListener)) {
      return error('CannotConnect', 'OpenError', `Connecting to remote server ${host} failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled and allows access from this computer.`, -2144108250);
    }
    if (computer.reachability === 'slow') {
      return error('WinRMOperationTimeout', 'OpenError', `Connecting to remote server ${host} failed with the following error message : The WS-Management service cannot complete the operation within the time specified in OperationTimeout.`, -2144108250);
    }
    const isAddress = /^[0-9.]+$/.test(host) || host.includes(':');
    const kerberosPossible = computer.access.kerberos && !isAddress && (envelope.authentication ?? 'Kerberos') !== 'Basic';
    if (!kerberosPossible && !envelope.useSsl && !this.network.trustedHosts.has(host.toLowerCase())) {
      return error('ServerNotTrusted', 'OpenError', `Connecting to remote server ${host} failed with the following error message : The WinRM client cannot process the request. If the authentication scheme is different from Kerberos, or if the client computer is not joined to a domain, then HTTPS transport must be used or the destination machine must be added to the TrustedHosts configuration setting.`, -2144108316);
    }
    let admin: RemoteAdmin | undefined;
    let callerName: string;
    if (!envelope.useCredential) {
      callerName = this.network.currentIdentity.name;
      if (!computer.access.kerberos) {
        return error('AccessDenied', 'OpenError', `Connecting to remote server ${host} failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.`, 5);
      }
      admin = computer.access.admins.find((a) => a.userName.toLowerCase() === callerName.toLowerCase());
    } else {
      const typed = this.credential!.userName;
      const bare = typed.includes('\\') ? typed.split('\\')[1]! : typed;
      const domain = typed.includes('\\') ? typed.split('\\')[0]!.toLowerCase() : '';
      admin = computer.access.admins.find((a) => {
        const aBare = a.userName.includes('\\') ? a.userName.split('\\')[1]! : a.userName;
        const aDomain = a.userName.includes('\\') ? a.userName.split('\\')[0]!.toLowerCase() : '';
        const sameDomain = aDomain === domain || (a.localRid !== undefined && (domain === '.' || domain === '' || domain === computer.sam.computerName.toLowerCase()));
        return sameDomain && aBare.toLowerCase() === bare.toLowerCase();
      });
      if (!admin || admin.password !== this.credential!.password) {
        return error('LogonFailure', 'OpenError', `Connecting to remote server ${host} failed with the following error message : The user name or password is incorrect. For more information, see the about_Remote_Troubleshooting Help topic.`, 1326);
      }
      callerName = admin.localRid !== undefined ? `${computer.sam.computerName}\\${bare}` : typed;
    }
    if (!admin) {
      return error('AccessDenied', 'OpenError', `Connecting to remote server ${host} failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.`, 5);
    }
    if (admin.localRid !== undefined && admin.localRid !== 500 && !computer.access.localAccountTokenFilterPolicy) {
      // UAC remote restrictions: a local administrator other than the built-in one gets a filtered token.
      return error('AccessDenied', 'OpenError', `Connecting to remote server ${host} failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.`, 5);
    }
    const sid = admin.localRid !== undefined ? `${computer.sam.machineSid}-${admin.localRid}` : (admin.sid ?? this.network.currentIdentity.sid);
    return { computer, caller: { name: callerName, sid } };
  }
}
