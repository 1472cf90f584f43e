// The parent's side of okta-standin-process.ts: start it, ask it things.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PublicJwk } from '../../main/okta/keys';
import type { StandinBucket } from '../../main/practice/okta/ratelimit';

export interface RemoteUser {
  id: string;
  status: string;
  sessions: number;
  oauthTokens: number;
}

export interface RemoteOktaStandIn {
  url: string;
  clientId: string;
  shift(offsetMs: number): Promise<void>;
  prepare(ids: string[]): Promise<void>;
  snapshot(ids: string[]): Promise<RemoteUser[]>;
  count429(counting: boolean): Promise<number>;
  close(): Promise<void>;
}

const childScript = fileURLToPath(new URL('./okta-standin-process.ts', import.meta.url));

export async function startRemoteOktaStandIn(options: { users: number; rateLimits: Partial<Record<StandinBucket, number>>; publicJwk: PublicJwk }): Promise<RemoteOktaStandIn> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', childScript], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  let next = 0;
  const waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
    const pending = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.ok) pending?.resolve(message.value);
    else pending?.reject(new Error(message.error));
  });
  child.on('exit', (code) => {
    for (const pending of waiting.values()) pending.reject(new Error(`The Okta stand-in process exited (${code}).`));
    waiting.clear();
  });
  const ask = <T>(op: string, body: Record<string, unknown> = {}): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = ++next;
      waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, op, ...body });
    });
  const started = await ask<{ url: string; clientId: string }>('start', options);
  return {
    ...started,
    shift: (offsetMs) => ask('shift', { offsetMs }),
    prepare: (ids) => ask('prepare', { ids }),
    snapshot: async (ids) => (await ask<{ users: RemoteUser[] }>('snapshot', { ids })).users,
    count429: async (counting) => (await ask<{ throttled: number }>('count429', { counting })).throttled,
    close: async () => {
      await ask('stop').catch(() => undefined);
      child.disconnect();
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    },
  };
}
