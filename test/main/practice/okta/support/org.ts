// A seeded Okta stand-in with Rekey's two kinds of connection ready to use:
// an SSWS API token of a super admin, and an API service app whose public key
// is registered (private key in the secret store). Every response the stand-in
// sends is collected, so the test file can check them all against Okta's
// OpenAPI description at the end.
import { memorySecretStore, type SecretStore } from '../../../../../main/core/ports';
import { apiTokenConnection, apiTokenSecretName, privateKeyConnection, privateKeySecretName, recommendedScopes, type OktaConnection, type OktaScope } from '../../../../../main/okta/connection';
import { generateServiceAppKey, type ServiceAppKey } from '../../../../../main/okta/keys';
import type { StandinBucket } from '../../../../../main/practice/okta/ratelimit';
import { seedOrg, type SeededOrg } from '../../../../../main/practice/okta/seed';
import { startOktaStandin, type ObservedExchange, type OktaStandin } from '../../../../../main/practice/okta/server';
import type { RoleType, ServiceApp } from '../../../../../main/practice/okta/state';
import { scaledClock, type ScaledClock } from './clock';

export interface TestOrgOptions {
  users?: number;
  /** How much faster than real time Okta's clock runs (rate windows). */
  scale?: number;
  rateLimits?: Partial<Record<StandinBucket, number>>;
  dpopRequired?: boolean;
  /** Scopes granted to the service app in Okta. */
  grantedScopes?: string[];
  /** Admin roles assigned to the service app. */
  appRoles?: RoleType[];
  /** Scopes Rekey's connection asks for. */
  connectionScopes?: OktaScope[];
}

export interface TestOrg {
  standin: OktaStandin;
  seeded: SeededOrg;
  clock: ScaledClock;
  secrets: SecretStore;
  apiToken: OktaConnection;
  serviceApp: OktaConnection;
  app: ServiceApp;
  key: ServiceAppKey;
  exchanges: ObservedExchange[];
  close(): Promise<void>;
}

let sharedKey: Promise<ServiceAppKey> | undefined;

export async function startTestOrg(options: TestOrgOptions = {}): Promise<TestOrg> {
  const clock = scaledClock(options.scale ?? 1);
  const seeded = seedOrg({ users: options.users ?? 260, now: clock.now() });
  const standin = await startOktaStandin({ state: seeded.state, clock, rateLimits: options.rateLimits });
  const exchanges: ObservedExchange[] = [];
  standin.onResponse((exchange) => exchanges.push(exchange));

  sharedKey ??= generateServiceAppKey();
  const key = await sharedKey;
  const app = seeded.state.registerServiceApp({
    name: 'Rekey',
    jwks: [{ ...key.publicJwk }],
    grantedScopes: new Set(options.grantedScopes ?? recommendedScopes),
    dpopRequired: options.dpopRequired ?? true,
  });
  for (const role of options.appRoles ?? ['SUPER_ADMIN']) seeded.state.assignRole(role, { kind: 'CLIENT', id: app.clientId }, new Date(clock.now()).toISOString());

  const secrets = memorySecretStore();
  const apiToken = apiTokenConnection(standin.url);
  await secrets.set(apiTokenSecretName(apiToken), seeded.apiToken);
  const serviceApp = privateKeyConnection(standin.url, app.clientId, key.keyId, options.connectionScopes ?? recommendedScopes);
  await secrets.set(privateKeySecretName(serviceApp), key.privateKeyPem);

  return { standin, seeded, clock, secrets, apiToken, serviceApp, app, key, exchanges, close: () => standin.close() };
}
