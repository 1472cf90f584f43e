// Okta as the product meets it: the Okta stand-in (HTTP on 127.0.0.1) with a
// seeded org, an API service app whose public key is registered (DPoP-bound
// tokens, private-key JWT), and a real OktaDirectory on the Okta SDK.
import type { Account, StepKind } from '../../../main/core/domain';
import { collectAccounts } from '../../../main/core/domain';
import { memorySecretStore, systemClock, type Clock, type SecretStore } from '../../../main/core/ports';
import { privateKeyConnection, privateKeySecretName, recommendedScopes, type OktaConnection } from '../../../main/okta/connection';
import { OktaDirectory, type OktaDirectoryOptions } from '../../../main/okta/directory';
import { generateServiceAppKey, type ServiceAppKey } from '../../../main/okta/keys';
import type { StandinBucket } from '../../../main/practice/okta/ratelimit';
import { seedOrg, type SeededOrg } from '../../../main/practice/okta/seed';
import { startOktaStandin, type ObservedExchange, type OktaStandin } from '../../../main/practice/okta/server';
import type { StandinUser } from '../../../main/practice/okta/state';
import type { EffectReader } from './audit';

export interface OktaPracticeOptions {
  users?: number;
  clock?: Clock;
  rateLimits?: Partial<Record<StandinBucket, number>>;
  directory?: OktaDirectoryOptions;
}

export interface OktaPractice {
  standIn: OktaStandin;
  seeded: SeededOrg;
  connection: OktaConnection;
  secrets: SecretStore;
  key: ServiceAppKey;
  directory: OktaDirectory;
  exchanges: ObservedExchange[];
  /** A fresh directory on the same connection (another process would build its own). */
  newDirectory(options?: OktaDirectoryOptions): OktaDirectory;
  close(): Promise<void>;
}

let sharedKey: Promise<ServiceAppKey> | undefined;

export async function startOktaPractice(options: OktaPracticeOptions = {}): Promise<OktaPractice> {
  const clock = options.clock ?? systemClock;
  const seeded = seedOrg({ users: options.users ?? 260, now: clock.now() });
  const standIn = await startOktaStandin({ state: seeded.state, clock, ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}) });
  const exchanges: ObservedExchange[] = [];
  standIn.onResponse((exchange) => exchanges.push(exchange));
  sharedKey ??= generateServiceAppKey();
  const key = await sharedKey;
  const app = seeded.state.registerServiceApp({ name: 'Rekey', jwks: [{ ...key.publicJwk }], grantedScopes: new Set(recommendedScopes), dpopRequired: true });
  seeded.state.assignRole('SUPER_ADMIN', { kind: 'CLIENT', id: app.clientId }, new Date(clock.now()).toISOString());
  const connection = privateKeyConnection(standIn.url, app.clientId, key.keyId);
  const secrets = memorySecretStore();
  await secrets.set(privateKeySecretName(connection), key.privateKeyPem);
  const newDirectory = (extra: OktaDirectoryOptions = {}) => new OktaDirectory(connection, secrets, { clock, ...options.directory, ...extra });
  return { standIn, seeded, connection, secrets, key, directory: newDirectory(), exchanges, newDirectory, close: () => standIn.close() };
}

/**
 * The org as it was before the incident: the chosen users are ACTIVE and
 * signed in (sessions and OAuth grants), so every effect of a reset shows.
 */
export function signedInBeforeIncident(standIn: OktaStandin, accounts: readonly Account[]): void {
  for (const account of accounts) {
    const user = standIn.state.users.get(account.id);
    if (!user) continue;
    user.sessions = Math.max(1, user.sessions);
    user.oauthTokens = Math.max(1, user.oauthTokens);
  }
}

/** Users a reset fully applies to: Okta-mastered or delegated, may sign in, not yet expired, not admins. */
export async function resettableOktaUsers(directory: OktaDirectory, count?: number): Promise<Account[]> {
  const accounts = await collectAccounts(directory, { pageSize: 200 });
  const chosen = accounts.filter(
    (a) => !a.privileged && ['ACTIVE', 'LOCKED_OUT', 'RECOVERY'].includes(a.attributes.status ?? '') && !['FEDERATION', 'SOCIAL'].includes(a.attributes.credentialProvider ?? '') && !a.attributes.isConnectionAccount,
  );
  return count === undefined ? chosen : chosen.slice(0, count);
}

/** The stand-in's own record: password expired; sessions and OAuth grants gone. */
export function oktaEffects(standIn: OktaStandin): EffectReader {
  return (account: Account, step: StepKind) => {
    const user: StandinUser | undefined = standIn.state.users.get(account.id);
    if (!user) return false;
    if (step === 'force-change') return user.status === 'PASSWORD_EXPIRED';
    if (step === 'end-sessions') return user.sessions === 0 && user.oauthTokens === 0;
    return false;
  };
}
