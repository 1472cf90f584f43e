// Windows local accounts as the product meets them: the simulated computers
// (main/practice/windows) behind the real PowerShell session, protocol and
// directory code. Faults of the PowerShell process itself are injected at the
// engine seam, where a real crash or hang shows up: a process that dies or
// stops answering in the middle of a batch, after changing some accounts.
import type { Account, StepKind } from '../../../main/core/domain';
import { systemClock, type Clock } from '../../../main/core/ports';
import type { AccountSeed } from '../../../main/practice/windows/sam';
import { userFlag } from '../../../main/practice/windows/sam';
import { SimulatedNetwork, type ComputerSeed, type SimulatedComputer } from '../../../main/practice/windows/simulated-host';
import type { WindowsDirectory } from '../../../main/windows/directory';
import { EngineExitedError, withTimeout, type EngineOutput, type PowerShellEngine } from '../../../main/windows/engine';
import { loadScriptSources } from '../../../main/windows/scripts';
import { PowerShellSession } from '../../../main/windows/session';
import { remoteHostsDirectory } from '../../../main/windows/index';
import type { EffectReader } from './audit';

export const operator = { name: 'CONTOSO\\helpdesk.ops', sid: 'S-1-5-21-1004336348-1177238915-682003330-1107' };

/** A domain-joined computer with `count` ordinary users (RID 1000+) besides the built-in Administrator. */
export function hostSeed(computerName: string, machineSid: string, names: string[]): ComputerSeed {
  const users: AccountSeed[] = names.map((name, i) => ({ name, rid: 1000 + i, fullName: `User ${name}`, groups: ['users'], passwordAgeDays: 10 }));
  return {
    computerName,
    culture: 'en-US',
    machineSid,
    utcOffsetMinutes: 0,
    maxPasswordAgeDays: 42,
    minPasswordAgeDays: 0,
    access: { kerberos: true, httpsListener: true, admins: [{ userName: operator.name, sid: operator.sid }] },
    accounts: [{ name: 'Administrator', rid: 500, enabled: false, groups: ['administrators'], passwordAgeDays: 400 }, ...users],
  };
}

export function userNames(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
}

/** What the PowerShell process does to the next matching invocation. */
export interface ProcessFault {
  kind: 'crash' | 'hang';
  /** Which invocation of reset.ps1 (1 = the first). */
  onReset: number;
  /** How many accounts the script changes before the process dies or stops answering. */
  afterAccounts: number;
}

interface ScriptEnvelope {
  payload: string;
  [key: string]: unknown;
}

/**
 * The simulated powershell.exe, plus process faults: before crashing or
 * hanging, the script runs on the first `afterAccounts` accounts of the
 * request, exactly as a process killed half-way through a batch leaves them.
 */
export class FaultyEngine implements PowerShellEngine {
  constructor(
    private readonly inner: PowerShellEngine,
    private readonly faults: ProcessFault[],
    /** Shared by every process of one session: a restarted process does not start counting again. */
    private readonly counter: { resets: number },
    private readonly onReset?: (count: number) => void,
  ) {}

  async invoke(command: string, timeoutMs: number): Promise<EngineOutput> {
    const invoked = /^Invoke-RekeyScript -Name '([a-z-]+)' -Request '([^']*)'(.*)$/.exec(command);
    if (invoked?.[1] !== 'reset') return this.inner.invoke(command, timeoutMs);
    const count = ++this.counter.resets;
    const fault = this.faults.find((f) => f.onReset === count);
    if (!fault) {
      const output = await this.inner.invoke(command, timeoutMs);
      this.onReset?.(count);
      return output;
    }
    await this.inner.invoke(`Invoke-RekeyScript -Name 'reset' -Request '${partial(invoked[2] ?? '', fault.afterAccounts)}'${invoked[3] ?? ''}`, timeoutMs);
    if (fault.kind === 'crash') {
      await this.inner.dispose();
      throw new EngineExitedError('The PowerShell process stopped: powershell.exe exited with code -1073741819.');
    }
    return withTimeout(new Promise<EngineOutput>(() => undefined), timeoutMs, () => this.inner.dispose());
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

/** The same request with only its first `accounts` accounts (across hosts, in order). */
function partial(request: string, accounts: number): string {
  const envelope = JSON.parse(Buffer.from(request, 'base64').toString('utf8')) as ScriptEnvelope;
  const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { targets: Array<{ items: unknown[] }> };
  let left = accounts;
  for (const target of payload.targets) {
    target.items = target.items.slice(0, Math.max(0, left));
    left -= target.items.length;
  }
  envelope.payload = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64');
  return Buffer.from(JSON.stringify(envelope), 'utf8').toString('base64');
}

export interface WindowsPractice {
  network: SimulatedNetwork;
  directory: WindowsDirectory;
  session: PowerShellSession;
  dispose(): Promise<void>;
}

export async function startWindowsPractice(options: {
  hosts: ComputerSeed[];
  faults?: ProcessFault[];
  onReset?: (count: number) => void;
  timeoutMs?: number;
  clock?: Clock;
}): Promise<WindowsPractice> {
  const clock = options.clock ?? systemClock;
  const local = SimulatedNetwork.computer(hostSeed('WS-ADMIN01', 'S-1-5-21-3623811015-3361044348-30300820', []), clock);
  const network = new SimulatedNetwork(local, operator, clock);
  const counter = { resets: 0 };
  for (const seed of options.hosts) network.addComputer(SimulatedNetwork.computer(seed, clock));
  const session = new PowerShellSession({
    createEngine: () => new FaultyEngine(network.openSession(), options.faults ?? [], counter, options.onReset),
    sources: await loadScriptSources(),
    clock,
    timeoutMs: options.timeoutMs ?? 2000,
  });
  const directory = await remoteHostsDirectory({
    id: 'windows:resilience',
    displayName: 'Resilience hosts',
    session,
    hosts: options.hosts.map((h) => ({ name: h.computerName, kind: 'netbios' as const })),
    transport: { kind: 'http', authentication: 'Kerberos' },
    identity: { kind: 'current' },
    clock,
  });
  return { network, directory, session, dispose: () => session.dispose() };
}

function computerOf(network: SimulatedNetwork, account: Account): SimulatedComputer | undefined {
  return network.resolve(account.attributes.host ?? '');
}

/** The SAM's own record: no last-set time (must change), "never expires" cleared. */
export function windowsEffects(network: SimulatedNetwork): EffectReader {
  return (account: Account, step: StepKind) => {
    const sam = computerOf(network, account)?.sam;
    const user = sam?.findBySid(account.id);
    if (!sam || !user) return false;
    if (step === 'force-change') return user.passwordLastSet === null && sam.passwordExpired(user) === 1;
    if (step === 'clear-never-expires') return (user.userFlags & userFlag.dontExpirePassword) === 0;
    return false;
  };
}
