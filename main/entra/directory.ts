// Entra ID as a Rekey Directory: list, plan, reset (force a password change
// at next sign-in, then end sessions) and verify by re-reading.
//
// Ordering without dependsOn: the password flag must be set BEFORE sessions
// are revoked, otherwise a stolen password could start a fresh session in
// between. Graph's $batch can order requests with dependsOn, but only in
// three shapes (all parallel, one serial chain, or all depending on one
// request: see "JSON batching" known issues and the SDK's
// BatchRequestContent), so "each user's revoke after that user's PATCH" for
// 10 users in one batch is not a supported shape. Rekey sends two rounds
// instead: up to 20 PATCHes in one $batch, then up to 20 revokes in the
// next. That is the same number of HTTP calls per user as 10 x 2 with
// dependsOn, keeps the order per user, and a failed PATCH never turns a
// revoke into a 424: ending sessions is worth doing even when the password
// flag could not be set.
//
// A 204 is not success: a flag-only PATCH has been reported to be a silent
// no-op, so "done" only means Graph accepted it; readState re-reads the flag.
import type {
  Account,
  AccountPlan,
  AccountQuery,
  AccountResetResult,
  Directory,
  DirectoryCapabilities,
  Evidence,
  PacingHints,
  PlanWarning,
  PlannedStep,
  ResetBatch,
  ResetItem,
  ResetOptions,
  StepKind,
  StepResult,
  VerifiedState,
} from '../core/domain';
import type { Clock } from '../core/ports';
import { listAccounts } from './accounts';
import type { SignedInIdentity } from './auth';
import { maxBatchSize, runBatched, type BatchAttempt, type BatchOutcome, type BatchRequest } from './batch';
import { explainFailure, type Operation } from './errors';
import type { GraphApi } from './graph';
import type { PermissionReport } from './permissions';
import { graphWriteQuota, type RetryTiming, type WriteBudget, type WriteQuota } from './throttle';

export const verifySelect = [
  'passwordProfile',
  'signInSessionsValidFromDateTime',
  'lastPasswordChangeDateTime',
  'onPremisesSyncEnabled',
  'accountEnabled',
  'userType',
];

export interface EntraDirectoryOptions {
  id: string;
  displayName: string;
  graph: GraphApi;
  identity: SignedInIdentity;
  clock: Clock;
  timing: RetryTiming;
  budget: WriteBudget;
  /**
   * The write quota the budget paces under (default: Graph's documented one).
   * The engine's pacing hint must describe the same quota: a hint fixed at
   * Graph's 20 writes/s would throttle a connection configured with another
   * quota (the practice tenant's compressed time) to that rate.
   */
  writeQuota?: WriteQuota;
  /** The latest permission check, used to explain 403s and to warn about admins in the plan. */
  permissions?: () => PermissionReport | undefined;
  /** Whether listing may $select signInActivity (needs AuditLog.Read.All). */
  readSignInActivity?: () => boolean;
}

interface PasswordProfileRead {
  forceChangePasswordNextSignIn?: boolean | null;
  forceChangePasswordNextSignInWithMfa?: boolean | null;
}

interface VerifyRead {
  id?: string;
  passwordProfile?: PasswordProfileRead | null;
  signInSessionsValidFromDateTime?: string | null;
  lastPasswordChangeDateTime?: string | null;
  onPremisesSyncEnabled?: boolean | null;
  accountEnabled?: boolean | null;
  userType?: string | null;
}

export class EntraDirectory implements Directory {
  readonly kind = 'entra' as const;
  readonly id: string;
  readonly displayName: string;
  readonly pacing: PacingHints;
  readonly capabilities: DirectoryCapabilities = {
    forceChange: true,
    forceChangeWithMfa: true,
    endSessions: true,
    readsSessionRevocation: true,
    clearNeverExpires: false,
  };
  /** Which accounts were asked for the MFA variant, so verify checks the right flag. */
  private readonly requestedMfa = new Map<string, boolean>();

  constructor(private readonly options: EntraDirectoryOptions) {
    this.id = options.id;
    this.displayName = options.displayName;
    const quota = options.writeQuota ?? graphWriteQuota;
    this.pacing = {
      maxConcurrency: 4,
      // One reset() = one $batch of PATCHes + one $batch of revokes.
      batchSize: maxBatchSize,
      ratePerSecond: quota.writes / (quota.windowMs / 1000),
    };
  }

  listAccounts(query: AccountQuery, signal?: AbortSignal): AsyncIterable<Account[]> {
    return listAccounts(
      { graph: this.options.graph, directoryId: this.id, identity: this.options.identity, readSignInActivity: this.options.readSignInActivity?.() ?? false },
      query,
      signal,
    );
  }

  async planReset(accounts: Account[], options: ResetOptions): Promise<AccountPlan[]> {
    const report = this.options.permissions?.();
    return accounts.map((account) => {
      const steps: PlannedStep[] = [];
      const warnings: PlanWarning[] = [];
      const { synced, federated, guest } = account.attributes;
      if (options.forceChange) {
        const applicable = !synced && !federated;
        steps.push({
          step: 'force-change',
          applicable,
          description: applicable
            ? `Set "change password at next sign-in"${options.forceChangeWithMfa ? ' (after multifactor authentication)' : ''} through Microsoft Graph.`
            : 'Not applicable: the password is not managed in Entra ID.',
        });
        if (synced) warnings.push({ kind: 'synced-password-on-premises', message: syncedSentence(account.login) });
        else if (federated) warnings.push({ kind: 'federated-password', message: federatedSentence(account.login) });
      }
      if (options.endSessions) {
        steps.push({
          step: 'end-sessions',
          applicable: !guest,
          description: guest ? 'Not applicable: a guest signs in through their home organisation.' : 'Revoke sign-in sessions and refresh tokens through Microsoft Graph.',
        });
        if (guest) warnings.push({ kind: 'guest-sessions-not-revocable', message: guestSentence(account.login) });
      }
      if (!account.enabled && options.forceChange && !synced) {
        warnings.push({
          kind: 'disabled-flag-applies-when-enabled',
          message: `${account.login} is disabled; the password change will be required when the account is enabled again.`,
        });
      }
      if (account.privileged && !report?.canResetAdmins) {
        const who = this.actor();
        warnings.push({
          kind: 'privileged-needs-stronger-role',
          message: `${account.login} is an admin (${account.privilegedWhy ?? 'directory role'}); resetting an admin needs the Privileged Authentication Administrator role${report ? `, which ${who} does not hold` : ''}.`,
        });
      }
      if (account.attributes.isCurrentUser || account.attributes.isConnectionAccount) {
        warnings.push({
          kind: 'connection-account',
          message: `${account.login} is the account Rekey is signed in with; ending its sessions signs Rekey out in the middle of the run, so reset it last, from another admin.`,
        });
      }
      return { account, steps, warnings };
    });
  }

  async reset(batch: ResetBatch, signal: AbortSignal): Promise<AccountResetResult[]> {
    const { options } = batch;
    const results = new Map<string, Map<StepKind, StepResult>>();
    const put = (item: ResetItem, result: StepResult): void => {
      const steps = results.get(item.account.id) ?? new Map<StepKind, StepResult>();
      steps.set(result.step, result);
      results.set(item.account.id, steps);
    };

    // Round 1: the password flag.
    const patches: BatchRequest[] = [];
    for (const item of batch.items) {
      if (!item.steps.includes('force-change')) continue;
      const { synced, federated } = item.account.attributes;
      if (synced || federated) {
        put(item, this.result('force-change', 'not-applicable', synced ? syncedSentence(item.account.login) : federatedSentence(item.account.login)));
        continue;
      }
      this.requestedMfa.set(item.account.id, options.forceChangeWithMfa);
      patches.push({
        key: item.account.id,
        method: 'PATCH',
        url: `/users/${encodeURIComponent(item.account.id)}`,
        body: {
          passwordProfile: options.forceChangeWithMfa
            ? { forceChangePasswordNextSignIn: true, forceChangePasswordNextSignInWithMfa: true }
            : { forceChangePasswordNextSignIn: true },
        },
        write: true,
      });
    }
    await this.runStep(batch.items, patches, 'force-change', signal, put, (outcome, account) =>
      outcome.status === 204 || outcome.status === 200
        ? `Graph accepted "change password at next sign-in"${options.forceChangeWithMfa ? ' after MFA' : ''} for ${account.login} (${outcome.status}); verify re-reads the flag, because a 204 alone is not proof.`
        : undefined,
    );

    // Round 2: end sessions, after every PATCH of round 1 has been answered.
    const revokes: BatchRequest[] = [];
    for (const item of batch.items) {
      if (!item.steps.includes('end-sessions')) continue;
      if (item.account.attributes.guest) {
        put(item, this.result('end-sessions', 'not-applicable', guestSentence(item.account.login)));
        continue;
      }
      revokes.push({ key: item.account.id, method: 'POST', url: `/users/${encodeURIComponent(item.account.id)}/revokeSignInSessions`, write: true });
    }
    await this.runStep(batch.items, revokes, 'end-sessions', signal, put, (outcome, account) =>
      outcome.status === 200 && (outcome.body as { value?: unknown } | undefined)?.value === true
        ? `Graph revoked the sign-in sessions and refresh tokens of ${account.login}; apps may take a few minutes to notice.`
        : undefined,
    );

    return batch.items.map((item) => ({
      directoryId: this.id,
      accountId: item.account.id,
      steps: item.steps.map(
        (step) =>
          results.get(item.account.id)?.get(step) ??
          this.result(step, 'not-applicable', `Entra ID has no "${step}" step; nothing was done for ${item.account.login}.`),
      ),
    }));
  }

  async readState(accounts: Account[], signal?: AbortSignal): Promise<VerifiedState[]> {
    const requests: BatchRequest[] = accounts.map((account) => ({
      key: account.id,
      method: 'GET',
      url: `/users/${encodeURIComponent(account.id)}?$select=${verifySelect.join(',')}`,
      write: false,
    }));
    let outcomes: Map<string, BatchOutcome>;
    try {
      outcomes = await runBatched(requests, { graph: this.options.graph, clock: this.options.clock, timing: this.options.timing, signal });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return accounts.map((account) => this.unreadable(account, `Could not re-read ${account.login}: ${message}`, []));
    }
    return accounts.map((account) => {
      const outcome = outcomes.get(account.id);
      const evidence = outcome ? this.evidence('GET', `/users/${account.id}`, outcome.attempts) : [];
      if (!outcome || outcome.cancelled) return this.unreadable(account, `Verification of ${account.login} was cancelled before Graph answered.`, evidence);
      if (outcome.status !== 200) {
        return this.unreadable(account, this.explain(outcome, 'read', account).message, evidence);
      }
      const read = (outcome.body ?? {}) as VerifyRead;
      const profile = read.passwordProfile;
      const wantMfa = this.requestedMfa.get(account.id) === true;
      const flag = wantMfa ? profile?.forceChangePasswordNextSignInWithMfa : profile?.forceChangePasswordNextSignIn;
      const status = [
        read.accountEnabled === false ? 'Disabled' : 'Enabled',
        read.onPremisesSyncEnabled === true ? 'synced from on-premises AD' : undefined,
        read.userType === 'Guest' ? 'guest' : undefined,
        read.lastPasswordChangeDateTime ? `password last changed ${read.lastPasswordChangeDateTime}` : undefined,
      ]
        .filter(Boolean)
        .join(', ');
      return {
        directoryId: this.id,
        accountId: account.id,
        mustChange: profile === null || profile === undefined || typeof flag !== 'boolean' ? 'unknown' : flag ? 'yes' : 'no',
        sessionsRevokedSince: read.signInSessionsValidFromDateTime ?? null,
        directoryStatus: status,
        checkedAt: new Date(this.options.clock.now()).toISOString(),
        via: 'Graph',
        evidence,
      };
    });
  }

  private async runStep(
    items: ResetItem[],
    requests: BatchRequest[],
    step: Extract<StepKind, 'force-change' | 'end-sessions'>,
    signal: AbortSignal,
    put: (item: ResetItem, result: StepResult) => void,
    success: (outcome: BatchOutcome, account: Account) => string | undefined,
  ): Promise<void> {
    if (requests.length === 0) return;
    const byId = new Map(items.map((i) => [i.account.id, i]));
    let outcomes: Map<string, BatchOutcome>;
    try {
      outcomes = await runBatched(requests, {
        graph: this.options.graph,
        clock: this.options.clock,
        timing: this.options.timing,
        budget: this.options.budget,
        signal,
      });
    } catch (error) {
      // Not a Graph answer (e.g. sign-in needed): every request of this round gets the same sentence.
      const message = error instanceof Error ? error.message : String(error);
      for (const request of requests) {
        const item = byId.get(request.key) as ResetItem;
        put(item, { ...this.result(step, 'failed', `${message} (${item.account.login})`), retryable: false });
      }
      return;
    }
    for (const request of requests) {
      const item = byId.get(request.key) as ResetItem;
      const outcome = outcomes.get(request.key);
      const method = request.method;
      const evidence = outcome ? this.evidence(method, request.url, outcome.attempts) : [];
      if (!outcome || (outcome.cancelled && outcome.attempts.length === 0)) {
        put(item, this.result(step, 'cancelled', `The run was cancelled before this step was sent for ${item.account.login}; nothing was changed by it.`, evidence));
        continue;
      }
      const done = success(outcome, item.account);
      if (done) {
        put(item, this.result(step, 'done', done, evidence));
        continue;
      }
      if (outcome.cancelled) {
        put(item, {
          ...this.result(step, 'cancelled', `The run was cancelled while ${item.account.login} was waiting to be retried; the last answer was ${outcome.status}, so this step did not apply.`, evidence),
          retryable: true,
        });
        continue;
      }
      const explained = this.explain(outcome, step, item.account);
      const last = outcome.attempts.at(-1);
      put(item, {
        ...this.result(step, 'failed', explained.message, evidence),
        retryable: explained.retryable,
        ...(last?.retryAfterMs !== undefined ? { retryAfterMs: last.retryAfterMs } : {}),
      });
    }
  }

  private explain(outcome: BatchOutcome, operation: Operation, account: Account): { message: string; retryable: boolean } {
    const last = outcome.attempts.at(-1);
    return explainFailure(
      { status: outcome.status, errorCode: last?.errorCode, errorMessage: last?.errorMessage, attempts: outcome.attempts.length, exhausted: outcome.exhausted },
      { operation, account, mode: this.options.identity.mode, actor: this.actor(), permissions: this.options.permissions?.() },
    );
  }

  private evidence(method: string, url: string, attempts: BatchAttempt[]): Evidence[] {
    return attempts.map((a) => ({
      kind: 'http' as const,
      method,
      url: `/v1.0${url}`,
      status: a.status,
      ...(a.requestId ? { requestId: a.requestId } : {}),
      clientRequestId: a.clientRequestId,
      ...(a.errorCode ? { errorCode: a.errorCode } : {}),
      at: a.at,
    }));
  }

  private result(step: StepKind, status: StepResult['status'], message: string, evidence: Evidence[] = []): StepResult {
    return { step, status, message, evidence, at: new Date(this.options.clock.now()).toISOString() };
  }

  private unreadable(account: Account, error: string, evidence: Evidence[]): VerifiedState {
    return {
      directoryId: this.id,
      accountId: account.id,
      mustChange: 'unknown',
      checkedAt: new Date(this.options.clock.now()).toISOString(),
      via: 'Graph',
      evidence,
      error,
    };
  }

  private actor(): string {
    const { identity } = this.options;
    return identity.mode === 'delegated' ? identity.username : `the app's service principal (${identity.displayName})`;
  }
}

function syncedSentence(login: string): string {
  return `${login} is synchronised from on-premises Active Directory: its password is mastered there, so Entra ID cannot require a change; set "User must change password at next logon" in Active Directory (sessions are still ended here).`;
}

function federatedSentence(login: string): string {
  return `${login} signs in through a federated identity provider, so Entra ID's password profile does not apply; require the change at that provider (sessions are still ended here).`;
}

function guestSentence(login: string): string {
  return `${login} is a guest who signs in through their home organisation, which revokeSignInSessions does not reach; ask that organisation to end the sessions, or disable the guest account here.`;
}
