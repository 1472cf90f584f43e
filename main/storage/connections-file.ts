// The saved directory connections: <dataDir>/connections.json. Only what is
// not secret lives here (tenant, client id, org URL, host names, the public
// certificate); tokens, keys and passwords go to the SecretStore or stay in
// memory. The file is replaced atomically (temp file, then rename), and a
// hand-edited or damaged entry is skipped with a sentence instead of stopping
// the app from starting.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

const id = z.string().min(1).max(300);
const displayName = z.string().min(1).max(300);

export const savedConnection = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('entra'),
      id,
      displayName,
      tenant: z.string().min(3).max(255),
      clientId: z.string().min(1).max(100),
      auth: z.enum(['interactive', 'device-code', 'certificate']),
      /** The public certificate of an app-only connection (its private key is a secret). */
      certificatePem: z.string().max(64_000).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('okta'),
      id,
      displayName,
      orgUrl: z.string().min(1).max(300),
      auth: z.enum(['private-key', 'api-token']),
      /** private-key: empty until the operator has created the service app and entered its client id. */
      clientId: z.string().max(200).optional(),
      keyId: z.string().max(200).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('windows-local'), id, displayName }).strict(),
  z
    .object({
      kind: z.literal('windows-remote'),
      id,
      displayName,
      hosts: z.array(z.string().min(1).max(255)).min(1).max(5_000),
      transport: z.enum(['http-kerberos', 'https']),
      /** Who the session password belonged to; the password itself is never saved. */
      userName: z.string().max(300).optional(),
    })
    .strict(),
  z.object({ kind: z.literal('practice'), id, displayName }).strict(),
]);
export type SavedConnection = z.infer<typeof savedConnection>;

export const CONNECTIONS_FORMAT = 'rekey-connections';

export interface ConnectionsLoad {
  connections: SavedConnection[];
  /** One sentence per entry that was skipped. */
  problems: string[];
}

/** Where the registry keeps its connection records. */
export interface ConnectionsFile {
  load(): Promise<ConnectionsLoad>;
  save(connections: readonly SavedConnection[]): Promise<void>;
}

export function connectionsFilePath(dataDir: string): string {
  return path.join(dataDir, 'connections.json');
}

/** Parse the file's text; entries that fail validation are reported, not fatal. */
export function parseConnections(text: string, file: string): ConnectionsLoad {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { connections: [], problems: [`${file} is not valid JSON (${(error as Error).message}); no saved connection was loaded.`] };
  }
  const list = typeof json === 'object' && json !== null && Array.isArray((json as { connections?: unknown }).connections) ? (json as { connections: unknown[] }).connections : null;
  if (!list) return { connections: [], problems: [`${file} holds no "connections" list; no saved connection was loaded.`] };
  const connections: SavedConnection[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  list.forEach((entry, index) => {
    const parsed = savedConnection.safeParse(entry);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      problems.push(`Saved connection ${index + 1} in ${file} was skipped: ${issue ? `${issue.path.join('.') || 'entry'}: ${issue.message}` : 'invalid'}.`);
      return;
    }
    if (seen.has(parsed.data.id)) {
      problems.push(`Saved connection ${index + 1} in ${file} was skipped: the id "${parsed.data.id}" is used twice.`);
      return;
    }
    seen.add(parsed.data.id);
    connections.push(parsed.data);
  });
  return { connections, problems };
}

/** The command line reads the same file synchronously (its argument checks are synchronous). */
export function readConnectionsFileSync(dataDir: string): ConnectionsLoad {
  const file = connectionsFilePath(dataDir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { connections: [], problems: [] };
    return { connections: [], problems: [`${file} could not be read: ${(error as Error).message}`] };
  }
  return parseConnections(text, file);
}

export function fileConnections(dataDir: string): ConnectionsFile {
  const file = connectionsFilePath(dataDir);
  // Saves are serialised: two quick changes must not race each other's rename.
  let queue: Promise<unknown> = Promise.resolve();
  return {
    async load() {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { connections: [], problems: [] };
        return { connections: [], problems: [`${file} could not be read: ${(error as Error).message}`] };
      }
      return parseConnections(text, file);
    },
    save(connections) {
      const body = `${JSON.stringify({ format: CONNECTIONS_FORMAT, version: 1, connections: connections.map((c) => savedConnection.parse(c)) }, null, 2)}\n`;
      const write = async () => {
        await mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
        const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
        try {
          await writeFile(temp, body, { encoding: 'utf8', mode: 0o600 });
          await rename(temp, file);
        } catch (error) {
          await rm(temp, { force: true });
          throw new Error(`Rekey could not save its connections to ${file}: ${(error as Error).message}`);
        }
      };
      const next = queue.then(write, write);
      queue = next.catch(() => undefined);
      return next;
    },
  };
}

/** Connections kept in memory only (the practice console, and consoles without a data folder). */
export function memoryConnections(initial: readonly SavedConnection[] = []): ConnectionsFile & { saved(): SavedConnection[] } {
  let current = initial.map((c) => savedConnection.parse(c));
  return {
    load: async () => ({ connections: structuredClone(current), problems: [] }),
    save: async (connections) => {
      current = connections.map((c) => savedConnection.parse(c));
    },
    saved: () => structuredClone(current),
  };
}
