// Ready-to-use practice directories for Windows local accounts, wired to the
// simulated computers: the same session, scripts protocol and directory code
// as with real PowerShell, with nothing real behind them.
import { systemClock, type Clock } from '../../core/ports';
import type { WindowsDirectory } from '../../windows/directory';
import { validateHostName, type ConnectionIdentity, type HostEntry, type TransportOptions } from '../../windows/hosts';
import { remoteHostsDirectory, thisComputerDirectory } from '../../windows/index';
import { loadScriptSources, type ScriptSources } from '../../windows/scripts';
import { PowerShellSession } from '../../windows/session';
import { practiceIdentity, practiceNetwork, remoteSeeds } from './population';
import type { SimulatedNetwork } from './simulated-host';

export interface PracticeWindowsOptions {
  clock?: Clock;
  /** Defaults to practiceNetwork(clock): this workstation plus Paris, Berlin, Madrid and London. */
  network?: SimulatedNetwork;
  /** Defaults to the files in resources/powershell (they are sent to the simulated session as to a real one). */
  sources?: ScriptSources;
  timeoutMs?: number;
}

export interface PracticeWindows {
  network: SimulatedNetwork;
  thisComputer: WindowsDirectory;
  /** The four remote hosts over Kerberos as the current (domain) identity; Madrid needs a credential and London is off. */
  remoteHosts: WindowsDirectory;
  /** Connect to other practice hosts, with another identity or transport. */
  connect(options: { id: string; displayName: string; hosts: string[]; transport?: TransportOptions; identity?: ConnectionIdentity; throttle?: number }): Promise<WindowsDirectory>;
  dispose(): Promise<void>;
}

function entries(hosts: string[]): HostEntry[] {
  return hosts.map((name) => {
    const checked = validateHostName(name);
    if (!checked.ok) throw new Error(checked.reason);
    return checked.host;
  });
}

export async function createPracticeWindows(options: PracticeWindowsOptions = {}): Promise<PracticeWindows> {
  const clock = options.clock ?? systemClock;
  const network = options.network ?? practiceNetwork(clock);
  const sources = options.sources ?? (await loadScriptSources());
  const sessions: PowerShellSession[] = [];
  const session = () => {
    const created = new PowerShellSession({ createEngine: () => network.openSession(), sources, clock, ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    sessions.push(created);
    return created;
  };
  const connect: PracticeWindows['connect'] = (request) =>
    remoteHostsDirectory({
      id: request.id,
      displayName: request.displayName,
      session: session(),
      hosts: entries(request.hosts),
      transport: request.transport ?? { kind: 'http', authentication: 'Kerberos' },
      identity: request.identity ?? { kind: 'current' },
      ...(request.throttle !== undefined ? { throttle: request.throttle } : {}),
      clock,
    });
  return {
    network,
    thisComputer: thisComputerDirectory(session(), clock),
    remoteHosts: await connect({ id: 'windows:practice-branches', displayName: 'Branch offices (practice)', hosts: remoteSeeds.map((r) => r.seed.computerName) }),
    connect,
    dispose: async () => {
      await Promise.all(sessions.map((s) => s.dispose()));
    },
  };
}

/** The practice "this computer" directory alone. */
export async function createPracticeWindowsDirectory(options: PracticeWindowsOptions = {}): Promise<WindowsDirectory> {
  return (await createPracticeWindows(options)).thisComputer;
}

export { practiceIdentity };
