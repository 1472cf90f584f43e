// Wiring: a real PowerShell session and the two kinds of Windows directory.
// One session per target kind: "this computer" and each set of remote hosts
// get their own process, so a hung remote fan-out never blocks local work.
import type { Clock } from '../core/ports';
import { WindowsDirectory } from './directory';
import { NodePowerShellEngine, resolvePowerShellExecutable, type PowerShellEdition } from './engine';
import { defaultThrottle, identityRef, type ConnectionIdentity, type HostEntry, type TransportOptions } from './hosts';
import type { ScriptSources } from './scripts';
import { PowerShellSession } from './session';

export interface NodeSessionOptions {
  edition: PowerShellEdition;
  sources: ScriptSources;
  timeoutMs?: number;
  clock?: Clock;
}

export function createNodeSession(options: NodeSessionOptions): PowerShellSession {
  const executable = resolvePowerShellExecutable(options.edition, { platform: process.platform, env: process.env });
  return new PowerShellSession({
    createEngine: () => new NodePowerShellEngine(executable),
    sources: options.sources,
    ...(options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

export function thisComputerDirectory(session: PowerShellSession, clock?: Clock): WindowsDirectory {
  return new WindowsDirectory({ id: 'windows:this-computer', displayName: 'This computer', session, remote: null, ...(clock ? { clock } : {}) });
}

export interface RemoteDirectoryOptions {
  id: string;
  displayName: string;
  session: PowerShellSession;
  hosts: HostEntry[];
  transport: TransportOptions;
  identity: ConnectionIdentity;
  throttle?: number;
  clock?: Clock;
}

/** A directory over remote hosts. An explicit credential goes to the session's memory only. */
export async function remoteHostsDirectory(options: RemoteDirectoryOptions): Promise<WindowsDirectory> {
  await options.session.setCredential(
    options.identity.kind === 'explicit' ? { userName: options.identity.userName, password: options.identity.password } : null,
  );
  return new WindowsDirectory({
    id: options.id,
    displayName: options.displayName,
    session: options.session,
    remote: { hosts: options.hosts, transport: options.transport, identity: identityRef(options.identity), throttle: options.throttle ?? defaultThrottle },
    ...(options.clock ? { clock: options.clock } : {}),
  });
}

export { WindowsDirectory } from './directory';
export { PowerShellSession } from './session';
export { loadScriptSources, sourceTreeScriptsDir } from './scripts';
export { parseNetUser, explainNetUser } from './net-user';
