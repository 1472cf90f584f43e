// The practice tenant, in this process: the Graph stand-in (HTTPS, with its
// Contoso tenant) reached by a real EntraConnection signed in through MSAL's
// device code flow (the code is approved programmatically, as a colleague
// would on their phone), the Okta stand-in reached by a real OktaDirectory
// through the Okta SDK with a service app's private key (DPoP and all), and
// the simulated Windows computers reached through the real PowerShell
// session protocol. Nothing here can touch a real account.
//
// Time runs faster for rate limits: `timeScale` 0.1 makes Graph's 150-second
// write window last 15 seconds and gives Okta ten times its per-minute limits,
// so a practice run of a few hundred accounts takes seconds, not minutes.
import type { Directory } from '../core/domain';
import { memorySecretStore, systemClock, type Clock, type SecretStore } from '../core/ports';
import { EntraConnection, type EntraDirectory } from '../entra';
import { checkOktaConnection, OktaDirectory, recommendedScopes, type OktaConnection } from '../okta';
import { privateKeyConnection, privateKeySecretName } from '../okta/connection';
import { generateServiceAppKey } from '../okta/keys';
import { practiceTenant } from '../practice/graph/seed';
import { startGraphStandIn, type GraphStandIn } from '../practice/graph/server';
import { workforceLimits, type StandinBucket } from '../practice/okta/ratelimit';
import { seedOrg } from '../practice/okta/seed';
import { startOktaStandin, type OktaStandin } from '../practice/okta/server';
import type { OrgState } from '../practice/okta/state';
import { createPracticeWindows, type PracticeWindows } from '../practice/windows/index';
import { practiceNetwork } from '../practice/windows/population';
import type { WindowsDirectory } from '../windows/directory';
import { entraDiagnostics, failedCheck, oktaDiagnostics, windowsDiagnostics } from './connection-kinds/diagnostics';
import type { Diagnostic } from './connection-kinds/live';
import { addExtraHosts, practiceHostNames, practicePopulation, type PracticePopulation } from './practice-population';

export const practiceDirectoryIds = {
  entra: `entra:${practiceTenant.domain}`,
  okta: 'okta:fabrikam-practice',
  windows: 'windows:practice-hosts',
} as const;

export const practiceDirectoryNames = {
  entra: 'Contoso (practice Entra)',
  okta: 'Fabrikam (practice Okta)',
  windows: 'Practice Windows hosts',
} as const;

export interface PracticeDirectoriesOptions {
  /** Accounts across the three directories; default: the stand-ins' own seeds (about 560). */
  accounts?: number;
  /** Real time per service time for rate limits and throttling windows (default 0.1). */
  timeScale?: number;
  /** Share of each rate limit Rekey may use (settings' pacing.rateShare). */
  rateShare?: number;
  /** Computers reached at once (settings' pacing.windowsThrottle). */
  windowsThrottle?: number;
  clock?: Clock;
}

export interface PracticeDirectories {
  entra: EntraDirectory;
  okta: OktaDirectory;
  windows: WindowsDirectory;
  directories: Directory[];
  population: PracticePopulation;
  graph: GraphStandIn;
  oktaStandIn: OktaStandin;
  windowsPractice: PracticeWindows;
  facts(): Array<{ label: string; value: string }>;
  check(): Promise<Diagnostic[]>;
  close(): Promise<void>;
}

/**
 * The Okta stand-in pages in id order and sorts its users for every page. Users
 * seeded in id order make that sort a single pass, which keeps a listing of
 * tens of thousands of practice users quick; Okta itself is not changed.
 */
export function orderOrgById(state: OrgState): void {
  const users = [...state.users.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  state.users.clear();
  for (const [id, user] of users) state.users.set(id, user);
  for (const group of state.groups.values()) {
    const members = [...group.members].sort();
    group.members.clear();
    for (const id of members) group.members.add(id);
  }
}

function scaledLimits(timeScale: number): Partial<Record<StandinBucket, number>> {
  return Object.fromEntries(Object.entries(workforceLimits).map(([bucket, limit]) => [bucket, Math.round(limit / timeScale)]));
}

async function connectEntra(graph: GraphStandIn, secrets: SecretStore, options: Required<Pick<PracticeDirectoriesOptions, 'timeScale' | 'rateShare'>> & { clock: Clock }): Promise<EntraConnection> {
  const connection = new EntraConnection(
    {
      tenant: graph.tenantDomain,
      clientId: practiceTenant.delegatedClientId,
      mode: 'delegated',
      authorityHost: graph.origin,
      graphBaseUrl: graph.graphBaseUrl,
      trustedCertificatePem: graph.certificatePem,
      displayName: practiceDirectoryNames.entra,
    },
    {
      secrets,
      clock: options.clock,
      rateShare: options.rateShare,
      writeQuota: { writes: 3000, windowMs: 150_000 * options.timeScale },
      timing: { retryDelayScale: options.timeScale },
      requestTimeoutMs: 30_000,
    },
  );
  // The practice "colleague" approves the code as soon as it is shown: MSAL polls, the stand-in answers with tokens.
  await connection.signInWithDeviceCode((info) => graph.authority.approveDeviceCode(info.userCode));
  await connection.checkPermissions();
  return connection;
}

async function connectOkta(standIn: OktaStandin, seeded: ReturnType<typeof seedOrg>, secrets: SecretStore, options: { rateShare: number; clock: Clock }): Promise<{ connection: OktaConnection; directory: OktaDirectory }> {
  const key = await generateServiceAppKey();
  const app = seeded.state.registerServiceApp({ name: 'Rekey', jwks: [{ ...key.publicJwk }], grantedScopes: new Set(recommendedScopes), dpopRequired: true });
  seeded.state.assignRole('SUPER_ADMIN', { kind: 'CLIENT', id: app.clientId }, new Date(options.clock.now()).toISOString());
  const connection: OktaConnection = { ...privateKeyConnection(standIn.url, app.clientId, key.keyId), id: practiceDirectoryIds.okta, displayName: practiceDirectoryNames.okta };
  await secrets.set(privateKeySecretName(connection), key.privateKeyPem);
  return { connection, directory: new OktaDirectory(connection, secrets, { clock: options.clock, rateShare: options.rateShare }) };
}

export async function startPracticeDirectories(options: PracticeDirectoriesOptions = {}): Promise<PracticeDirectories> {
  const clock = options.clock ?? systemClock;
  const timeScale = options.timeScale ?? 0.1;
  const rateShare = options.rateShare ?? 0.9;
  const population = practicePopulation(options.accounts);
  // Practice credentials are the practice's own: they never enter the operator's secret store.
  const secrets = memorySecretStore();

  const graph = await startGraphStandIn({ seed: { userCount: population.entraUsers }, timeScale, deviceCodeIntervalSeconds: 0.05 });
  const seeded = seedOrg({ users: population.oktaUsers, now: clock.now() });
  orderOrgById(seeded.state);
  const oktaStandIn = await startOktaStandin({ state: seeded.state, rateLimits: scaledLimits(timeScale) });
  const network = practiceNetwork(clock);
  addExtraHosts(network, population.extraHosts, clock);
  const windowsPractice = await createPracticeWindows({ clock, network });
  const closeAll = async () => {
    await Promise.allSettled([graph.close(), oktaStandIn.close(), windowsPractice.dispose()]);
  };
  try {
    const [entra, okta, windows] = await Promise.all([
      connectEntra(graph, secrets, { timeScale, rateShare, clock }),
      connectOkta(oktaStandIn, seeded, secrets, { rateShare, clock }),
      windowsPractice.connect({
        id: practiceDirectoryIds.windows,
        displayName: practiceDirectoryNames.windows,
        hosts: [...practiceHostNames, ...population.extraHosts.map((h) => h.name)],
        ...(options.windowsThrottle !== undefined ? { throttle: options.windowsThrottle } : {}),
      }),
    ]);
    // Its pacing hint follows the compressed write quota the connection was given.
    const entraDirectory = entra.directory();
    const identity = entra.status.state === 'signed-in' ? entra.status.identity.username : 'not signed in';
    return {
      entra: entraDirectory,
      okta: okta.directory,
      windows,
      directories: [entraDirectory, okta.directory, windows],
      population,
      graph,
      oktaStandIn,
      windowsPractice,
      facts: () => [
        { label: 'Directories', value: `${practiceDirectoryNames.entra}, ${practiceDirectoryNames.okta}, ${practiceDirectoryNames.windows}` },
        { label: 'Practice accounts', value: String(population.expectedTotal) },
        { label: practiceDirectoryNames.entra, value: `Graph stand-in at ${graph.origin}, signed in as ${identity} (device code, MSAL)` },
        { label: practiceDirectoryNames.okta, value: `Okta stand-in at ${oktaStandIn.url}, service app ${okta.connection.auth.mode === 'private-key' ? okta.connection.auth.clientId : ''} with a private key` },
        { label: practiceDirectoryNames.windows, value: `${practiceHostNames.length + population.extraHosts.length} simulated computers over WinRM (Kerberos, current identity)` },
        { label: 'Time', value: timeScale === 1 ? 'Rate limits run in real time' : `Rate limits run ${Math.round(1 / timeScale)} times faster than real time` },
      ],
      async check() {
        const results = await Promise.all([
          entra.checkPermissions().then(
            (report) => entraDiagnostics(report, practiceDirectoryNames.entra),
            (error: unknown) => [failedCheck(`${practiceDirectoryNames.entra}: permissions could not be read`, error)],
          ),
          checkOktaConnection(okta.connection, secrets, { rateShare }).then(
            (report) => oktaDiagnostics(report, practiceDirectoryNames.okta),
            (error: unknown) => [failedCheck(`${practiceDirectoryNames.okta}: the org could not be checked`, error)],
          ),
          windowsDiagnostics(windows, practiceDirectoryNames.windows),
        ]);
        return results.flat();
      },
      close: closeAll,
    };
  } catch (error) {
    await closeAll();
    throw error;
  }
}
