// Entra ID as the product meets it: the Graph + authority stand-in over
// HTTPS, a real EntraConnection signed in through MSAL's device code flow
// (approved the moment it is shown), and the EntraDirectory it hands out.
import type { Account, StepKind } from '../../../main/core/domain';
import { collectAccounts } from '../../../main/core/domain';
import { memorySecretStore, type Clock } from '../../../main/core/ports';
import { EntraConnection } from '../../../main/entra/connection';
import type { EntraDirectory } from '../../../main/entra/directory';
import { practiceTenant } from '../../../main/practice/graph/seed';
import { startGraphStandIn, type GraphStandIn } from '../../../main/practice/graph/server';
import type { UserState } from '../../../main/practice/graph/state';
import type { EffectReader } from './audit';

export interface EntraPracticeOptions {
  /** Ordinary users seeded besides the named operators. */
  users?: number;
  /** Multiplier on Graph's documented write quota (3,000 writes per 150 s). */
  quotaScale?: number;
  /** Real time per service time: 0.001 makes Retry-After: 2 last 2 ms and the 150 s window 150 ms. */
  timeScale?: number;
  rateShare?: number;
  requestTimeoutMs?: number;
  maxAttempts?: number;
  accessTokenLifetimeSeconds?: number;
  clock?: Clock;
}

export interface EntraPractice {
  standIn: GraphStandIn;
  connection: EntraConnection;
  directory: EntraDirectory;
  /** Every account as listed through Graph right after sign-in. */
  accounts: Account[];
  close(): Promise<void>;
}

export async function startEntraPractice(options: EntraPracticeOptions = {}): Promise<EntraPractice> {
  const timeScale = options.timeScale ?? 1;
  const quota = 3000 * (options.quotaScale ?? 1);
  const standIn = await startGraphStandIn({
    seed: { userCount: options.users ?? 260 },
    timeScale,
    writeQuota: { writesPerWindow: quota, windowSeconds: 150 },
    deviceCodeIntervalSeconds: 0.02,
    ...(options.accessTokenLifetimeSeconds ? { accessTokenLifetimeSeconds: options.accessTokenLifetimeSeconds } : {}),
  });
  try {
    const connection = new EntraConnection(
      {
        tenant: standIn.tenantDomain,
        clientId: practiceTenant.delegatedClientId,
        mode: 'delegated',
        authorityHost: standIn.origin,
        graphBaseUrl: standIn.graphBaseUrl,
        trustedCertificatePem: standIn.certificatePem,
        displayName: 'Contoso (resilience)',
      },
      {
        secrets: memorySecretStore(),
        rateShare: options.rateShare ?? 0.9,
        writeQuota: { writes: quota, windowMs: 150_000 * timeScale },
        timing: { retryDelayScale: timeScale, ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}) },
        requestTimeoutMs: options.requestTimeoutMs ?? 30_000,
        ...(options.clock ? { clock: options.clock } : {}),
      },
    );
    await connection.signInWithDeviceCode((info) => standIn.authority.approveDeviceCode(info.userCode));
    await connection.checkPermissions();
    const directory = connection.directory();
    const accounts = await collectAccounts(directory, { pageSize: 999 });
    return { standIn, connection, directory, accounts, close: () => standIn.close() };
  } catch (error) {
    await standIn.close();
    throw error;
  }
}

/** Users both steps apply to: members, cloud-mastered, not admins, not the signed-in operator. */
export function plainEntraUsers(accounts: readonly Account[]): Account[] {
  return accounts.filter((a) => !a.privileged && !a.attributes.synced && !a.attributes.guest && !a.attributes.federated && !a.attributes.isCurrentUser && a.enabled);
}

/** The stand-in's own record of a user: flag set, sessions revoked since `since` (ms). */
export function entraEffects(standIn: GraphStandIn, since: number): EffectReader {
  return (account: Account, step: StepKind) => {
    const user: UserState | undefined = standIn.state.users.get(account.id);
    if (!user) return false;
    if (step === 'force-change') return user.passwordProfile.forceChangePasswordNextSignIn === true;
    if (step === 'end-sessions') return (user.sessionsRevokedAtMs ?? 0) >= since;
    return false;
  };
}
