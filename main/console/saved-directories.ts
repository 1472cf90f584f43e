// The directories that saved connections provide, for the command line
// (`rekey run --directory NAME`). The CLI has no Electron safeStorage, so it
// cannot read the tokens and keys the app keeps encrypted, and it will not
// keep its own copy in clear: Entra and Okta connections, and remote
// computers reached with a typed password, are refused with a sentence that
// sends the operator to the app. Windows connections that use the current
// Windows identity need no secret and work.
import type { Directory, DirectoryKind } from '../core/domain';
import type { Clock } from '../core/ports';
import type { SavedConnection } from '../storage/connections-file';
import type { PowerShellEdition } from '../windows/engine';
import { createNodeSession, loadScriptSources, remoteHostsDirectory, thisComputerDirectory } from '../windows/index';
import type { PowerShellSession } from '../windows/session';
import { entraConnectionId } from './connection-kinds/entra';
import { checkedHosts, localRefusal, THIS_COMPUTER_ID } from './connection-kinds/windows';

export interface SavedDirectory {
  id: string;
  displayName: string;
  kind: DirectoryKind;
  connection: SavedConnection;
}

/** The directory each saved connection provides (the practice connection lives only inside the app). */
export function savedDirectories(connections: readonly SavedConnection[]): SavedDirectory[] {
  return connections.flatMap((connection): SavedDirectory[] => {
    switch (connection.kind) {
      case 'entra':
        return [{ id: entraConnectionId(connection.tenant), displayName: connection.displayName, kind: 'entra', connection }];
      case 'okta':
        return [{ id: connection.id, displayName: connection.displayName, kind: 'okta', connection }];
      case 'windows-local':
        return [{ id: THIS_COMPUTER_ID, displayName: connection.displayName, kind: 'windows', connection }];
      case 'windows-remote':
        return [{ id: connection.id, displayName: connection.displayName, kind: 'windows', connection }];
      case 'practice':
        return [];
    }
  });
}

/** Why the command line cannot use this saved directory, or null when it can. */
export function commandLineRefusal(saved: SavedDirectory, platform: NodeJS.Platform): string | null {
  const { connection } = saved;
  switch (connection.kind) {
    case 'entra':
    case 'okta':
      return `${saved.displayName} signs in with credentials the Rekey app keeps encrypted for itself (Electron safeStorage), which the command line cannot read and will not store in clear; reset these accounts from the Rekey app.`;
    case 'windows-remote':
      return connection.userName
        ? `${saved.displayName} is reached as ${connection.userName}, whose password Rekey keeps only while the app runs; reset these accounts from the Rekey app, or add the computers there without a credential to use your own Windows sign-in.`
        : null;
    case 'windows-local':
      return localRefusal(platform);
    case 'practice':
      return 'The practice connection lives only inside the app; use --practice for the command line\'s practice directories.';
  }
}

export interface SavedDirectoryOptions {
  edition: PowerShellEdition;
  throttle: number;
  clock?: Clock;
  scriptsDir?: string;
}

export interface BuiltDirectory {
  directory: Directory;
  session: PowerShellSession;
}

/** Build a directory the command line may use (check commandLineRefusal first). */
export async function buildSavedDirectory(saved: SavedDirectory, options: SavedDirectoryOptions): Promise<BuiltDirectory> {
  const { connection } = saved;
  if (connection.kind !== 'windows-local' && !(connection.kind === 'windows-remote' && !connection.userName)) {
    throw new Error(commandLineRefusal(saved, process.platform) ?? `${saved.displayName} cannot be used from the command line.`);
  }
  const session = createNodeSession({ edition: options.edition, sources: await loadScriptSources(...(options.scriptsDir ? [options.scriptsDir] : [])), ...(options.clock ? { clock: options.clock } : {}) });
  if (connection.kind === 'windows-local') return { directory: thisComputerDirectory(session, options.clock), session };
  const directory = await remoteHostsDirectory({
    id: saved.id,
    displayName: saved.displayName,
    session,
    hosts: checkedHosts(connection.hosts),
    transport: connection.transport === 'https' ? { kind: 'https', authentication: 'Negotiate' } : { kind: 'http', authentication: 'Kerberos' },
    identity: { kind: 'current' },
    throttle: options.throttle,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return { directory, session };
}
