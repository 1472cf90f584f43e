// What the connection registry needs from one connection, whatever its kind:
// a record to save (never a secret), a description to show, the directories
// it provides once connected, and the verbs of the Connections screen. Each
// kind lives in its own file next to this one.
import type { z } from 'zod';
import type { connectionKind, ConnectionView, diagnostic } from '../../../preload/contract';
import type { Directory, DirectoryKind } from '../../core/domain';
import type { Clock, SecretStore } from '../../core/ports';
import type { SavedConnection } from '../../storage/connections-file';
import type { SettingsStore } from '../../storage/settings';
import type { PracticeDirectoriesOptions } from '../practice-directories';

export type ConnectionKind = z.infer<typeof connectionKind>;
export type Diagnostic = z.infer<typeof diagnostic>;
export type ConnectionFact = ConnectionView['facts'][number];

export interface SignInPrompt {
  message: string;
  userCode?: string;
  verificationUri?: string;
}

/** What every kind may use. Secrets go only through `secrets`. */
export interface KindContext {
  secrets: SecretStore;
  settings: SettingsStore;
  clock: Clock;
  platform: NodeJS.Platform;
  /** Opens the system browser (Electron: the allowlisted openExternal). */
  openBrowser: (url: string) => Promise<void>;
  /** Folder of the PowerShell scripts (packaged app: resources/powershell). */
  scriptsDir?: string;
  /** Whether this process runs with administrator rights (Windows local accounts need them). */
  isElevated: () => Promise<boolean>;
  practice: PracticeDirectoriesOptions;
}

export interface ConnectionDescription {
  facts: ConnectionFact[];
  warnings: string[];
  publicJwk?: string;
  /** While signed out: what the operator does next, in one sentence. */
  signedOutDetail?: string;
}

export interface LiveConnection {
  readonly id: string;
  readonly kind: ConnectionKind;
  readonly directoryKind: DirectoryKind;
  readonly displayName: string;
  readonly practice: boolean;
  /** The non-secret record saved in connections.json. */
  record(): SavedConnection;
  connected(): boolean;
  describe(): ConnectionDescription;
  /** The directories usable now (empty while signed out). */
  directories(): Directory[];
  /** Connect without asking the operator anything (start-up, right after adding). */
  restore(): Promise<void>;
  /** Connect, asking the operator when the kind needs it (browser, device code). */
  signIn(prompt: (prompt: SignInPrompt) => void): Promise<void>;
  signOut(): Promise<void>;
  check(): Promise<Diagnostic[]>;
  /** Delete every stored secret of this connection (it is being removed). */
  forget(): Promise<void>;
  /** Release processes, servers and sockets. */
  close(): Promise<void>;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
