// The Okta stand-in in a process of its own, for the benchmark. Okta's CPU is
// not Rekey's: in one process, the stand-in's JWT and DPoP checks would take
// turns with the client's on one thread and the figure would measure the
// machine, not the pacing. The parent talks to it over the IPC channel:
//   {op:'start', users, rateLimits, publicJwk}  -> {url, clientId}
//   {op:'shift', offsetMs}                      -> {}   (both sides move their clock alike)
//   {op:'prepare', ids}                         -> {}   (users signed in before the incident)
//   {op:'snapshot', ids}                        -> {users:[{id,status,sessions,oauthTokens}]}
//   {op:'count429', counting}                   -> {throttled}
// Run with: node --import tsx test/bench/okta-standin-process.ts
import { systemClock, type Clock } from '../../main/core/ports';
import { recommendedScopes } from '../../main/okta/connection';
import type { PublicJwk } from '../../main/okta/keys';
import type { StandinBucket } from '../../main/practice/okta/ratelimit';
import { seedOrg } from '../../main/practice/okta/seed';
import { startOktaStandin, type OktaStandin } from '../../main/practice/okta/server';

interface Request {
  id: number;
  op: 'start' | 'shift' | 'prepare' | 'snapshot' | 'count429' | 'stop';
  users?: number;
  rateLimits?: Partial<Record<StandinBucket, number>>;
  publicJwk?: PublicJwk;
  offsetMs?: number;
  ids?: string[];
  counting?: boolean;
}

let offset = 0;
const clock: Clock = { now: () => Date.now() + offset, sleep: (ms, signal) => systemClock.sleep(ms, signal) };
let standIn: OktaStandin | undefined;
let counting = false;
let throttled = 0;

async function answer(request: Request): Promise<unknown> {
  switch (request.op) {
    case 'start': {
      const seeded = seedOrg({ users: request.users, now: clock.now() });
      standIn = await startOktaStandin({ state: seeded.state, clock, rateLimits: request.rateLimits });
      standIn.onResponse((exchange) => {
        if (counting && exchange.status === 429) throttled++;
      });
      const app = seeded.state.registerServiceApp({ name: 'Rekey', jwks: [{ ...request.publicJwk }], grantedScopes: new Set(recommendedScopes), dpopRequired: true });
      seeded.state.assignRole('SUPER_ADMIN', { kind: 'CLIENT', id: app.clientId }, new Date(clock.now()).toISOString());
      return { url: standIn.url, clientId: app.clientId };
    }
    case 'shift':
      offset = request.offsetMs ?? 0;
      return {};
    case 'prepare':
      for (const id of request.ids ?? []) {
        const user = standIn?.state.users.get(id);
        if (!user) continue;
        user.sessions = Math.max(1, user.sessions);
        user.oauthTokens = Math.max(1, user.oauthTokens);
      }
      return {};
    case 'snapshot':
      return {
        users: (request.ids ?? []).flatMap((id) => {
          const user = standIn?.state.users.get(id);
          return user ? [{ id, status: user.status, sessions: user.sessions, oauthTokens: user.oauthTokens }] : [];
        }),
      };
    case 'count429':
      counting = request.counting ?? false;
      return { throttled };
    case 'stop':
      await standIn?.close();
      return {};
  }
}

process.on('message', (message: Request) => {
  answer(message).then(
    (value) => process.send?.({ id: message.id, ok: true, value }),
    (error: unknown) => process.send?.({ id: message.id, ok: false, error: error instanceof Error ? error.message : String(error) }),
  );
});
process.on('disconnect', () => {
  void standIn?.close().finally(() => process.exit(0));
});
