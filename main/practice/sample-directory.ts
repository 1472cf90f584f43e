// Practice directories: in-memory stand-ins that implement core's Directory
// the way the real ones behave — Entra-like (Graph), Okta-like and Windows
// local accounts — with believable evidence, optional latency and injected
// faults (a transient 429 with Retry-After, a permanent refusal, a flag that
// silently does not stick, an account that cannot be read back). Their
// mutable state can live in a SampleStateStore so it survives a process
// (the crash-and-resume test; the CLI keeps it under the data directory).
import {
  accountKey,
  type Account,
  type AccountPlan,
  type AccountQuery,
  type AccountResetResult,
  type Directory,
  type DirectoryCapabilities,
  type DirectoryKind,
  type Evidence,
  type PacingHints,
  type PlannedStep,
  type PlanWarning,
  type ResetBatch,
  type ResetOptions,
  type StepKind,
  type StepResult,
  type VerifiedState,
} from '../core/domain';
import { systemClock, type Clock } from '../core/ports';
import { ENTRA_ID, entraPopulation, OKTA_ID, oktaPopulation, practiceHosts, stableGuid, WINDOWS_ID, windowsPopulation } from './sample-population';

/** The part of an account a reset changes. */
export interface SampleAccountState {
  mustChange: boolean;
  neverExpires: boolean;
  sessionsRevokedSince: string | null;
  status: string;
}

/** Where the practice directories keep what resets changed. Synchronous: the practice state is small. */
export interface SampleStateStore {
  load(): Record<string, SampleAccountState>;
  save(states: Record<string, SampleAccountState>): void;
}

export function memorySampleState(): SampleStateStore {
  let saved: Record<string, SampleAccountState> = {};
  return {
    load: () => structuredClone(saved),
    save: (states) => {
      saved = structuredClone(states);
    },
  };
}

export interface SampleFaults {
  /** Logins whose next `times` reset calls fail with HTTP 429 (or a script timeout on Windows). */
  transient?: Array<{ login: string; times: number; retryAfterMs?: number }>;
  /** Logins the directory always refuses (HTTP 403 / access denied). */
  permanent?: string[];
  /** Logins for which the directory answers "done" but nothing changes (verification must catch it). */
  silentlyIgnored?: string[];
  /** Logins whose state cannot be read back. */
  unreadable?: string[];
}

export interface SampleDirectoryOptions {
  clock?: Clock;
  /** Added per account to every reset call, to make runs observable (and killable) in tests. */
  latencyMs?: number;
  pacing?: Partial<PacingHints>;
  faults?: SampleFaults;
  state?: SampleStateStore;
}

interface KindProfile {
  displayName: string;
  pacing: PacingHints;
  capabilities: DirectoryCapabilities;
  population: () => Account[];
}

const profiles: Record<DirectoryKind, { id: string } & KindProfile> = {
  entra: {
    id: ENTRA_ID,
    displayName: 'Contoso (practice Entra ID)',
    // Graph $batch takes 20 requests; a handful of batches in flight stays well under the write throttle.
    pacing: { batchSize: 20, maxConcurrency: 4, ratePerSecond: 50 },
    capabilities: { forceChange: true, forceChangeWithMfa: true, endSessions: true, readsSessionRevocation: true, clearNeverExpires: false },
    population: entraPopulation,
  },
  okta: {
    id: OKTA_ID,
    displayName: 'Fabrikam (practice Okta)',
    pacing: { batchSize: 10, maxConcurrency: 4, ratePerSecond: 20 },
    capabilities: { forceChange: true, forceChangeWithMfa: false, endSessions: true, readsSessionRevocation: false, clearNeverExpires: false },
    population: oktaPopulation,
  },
  windows: {
    id: WINDOWS_ID,
    displayName: `Practice Windows hosts (${practiceHosts.join(', ')})`,
    pacing: { batchSize: 25, maxConcurrency: 2 },
    capabilities: { forceChange: true, forceChangeWithMfa: false, endSessions: false, readsSessionRevocation: false, clearNeverExpires: true },
    population: windowsPopulation,
  },
};

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

export class SampleDirectory implements Directory {
  readonly id: string;
  readonly displayName: string;
  readonly pacing: PacingHints;
  readonly capabilities: DirectoryCapabilities;
  private readonly accounts: Account[];
  private readonly clock: Clock;
  private readonly store: SampleStateStore;
  private readonly transientLeft = new Map<string, { times: number; retryAfterMs: number }>();
  private requestCounter = 0;

  constructor(
    readonly kind: DirectoryKind,
    private readonly options: SampleDirectoryOptions = {},
  ) {
    const profile = profiles[kind];
    this.id = profile.id;
    this.displayName = profile.displayName;
    this.pacing = { ...profile.pacing, ...options.pacing };
    this.capabilities = profile.capabilities;
    this.accounts = profile.population();
    this.clock = options.clock ?? systemClock;
    this.store = options.state ?? memorySampleState();
    for (const fault of options.faults?.transient ?? []) this.transientLeft.set(fault.login.toLowerCase(), { times: fault.times, retryAfterMs: fault.retryAfterMs ?? 1000 });
  }

  // ---- state -------------------------------------------------------------

  private initialState(account: Account): SampleAccountState {
    return {
      mustChange: account.attributes.mustChange === true,
      neverExpires: account.attributes.neverExpires === true,
      sessionsRevokedSince: null,
      status: account.attributes.status ?? (account.enabled ? 'Enabled' : 'Disabled'),
    };
  }

  private stateOf(account: Account): SampleAccountState {
    return this.store.load()[accountKey(account)] ?? this.initialState(account);
  }

  private update(account: Account, change: Partial<SampleAccountState>): void {
    const states = this.store.load();
    const key = accountKey(account);
    states[key] = { ...(states[key] ?? this.initialState(account)), ...change };
    this.store.save(states);
  }

  private current(account: Account): Account {
    const state = this.stateOf(account);
    const copy = structuredClone(account);
    copy.attributes.mustChange = state.mustChange;
    copy.attributes.neverExpires = account.kind === 'windows' ? state.neverExpires : copy.attributes.neverExpires;
    copy.attributes.status = state.status;
    return copy;
  }

  private find(account: Account): Account | undefined {
    return this.accounts.find((a) => a.id === account.id);
  }

  // ---- Directory ---------------------------------------------------------

  async *listAccounts(query: AccountQuery, signal?: AbortSignal): AsyncIterable<Account[]> {
    const search = query.search ? fold(query.search.trim()) : '';
    const group = query.group?.toLowerCase();
    const matches = this.accounts.filter(
      (a) =>
        (!search || [a.login, a.displayName, a.attributes.email ?? '', a.attributes.host ? `${a.attributes.host}\\${a.login}` : ''].some((t) => fold(t).includes(search))) &&
        (!group || a.groups.some((g) => g.toLowerCase() === group)),
    );
    const pageSize = Math.max(1, query.pageSize ?? 25);
    for (let i = 0; i < matches.length; i += pageSize) {
      signal?.throwIfAborted();
      yield matches.slice(i, i + pageSize).map((a) => this.current(a));
    }
  }

  async planReset(accounts: Account[], options: ResetOptions): Promise<AccountPlan[]> {
    // Plan from the account as the caller listed it: it carries the current state (e.g. never-expires already cleared).
    return accounts.map((account) => ({ account, ...this.planOne(account, options) }));
  }

  private planOne(account: Account, options: ResetOptions): { steps: PlannedStep[]; warnings: PlanWarning[] } {
    const warnings: PlanWarning[] = [];
    const steps: PlannedStep[] = [];
    const step = (kind: StepKind, applicable: boolean, description: string) => steps.push({ step: kind, applicable, description });
    if (account.attributes.isConnectionAccount) {
      warnings.push({ kind: 'connection-account', message: 'Rekey connects with this account; flagging it would break the connection mid-run.' });
    }
    switch (this.kind) {
      case 'entra': {
        const blocked = account.attributes.synced ? 'the password is mastered on-premises' : account.attributes.federated ? 'the user signs in through a federated identity provider' : null;
        if (account.attributes.federated) warnings.push({ kind: 'federated-password', message: 'Federated user: the password lives at the identity provider; passwordProfile cannot be used.' });
        if (account.privileged) warnings.push({ kind: 'privileged-needs-stronger-role', message: `${account.privilegedWhy ?? 'Privileged role'}: resetting needs the Privileged Authentication Administrator role.` });
        step('clear-never-expires', false, 'Entra ID has no per-user "password never expires" that cancels the flag.');
        step(
          'force-change',
          blocked === null,
          blocked === null
            ? `PATCH passwordProfile.${options.forceChangeWithMfa ? 'forceChangePasswordNextSignInWithMfa' : 'forceChangePasswordNextSignIn'}=true`
            : `Not possible: ${blocked}.`,
        );
        step('end-sessions', true, 'POST revokeSignInSessions (refresh tokens and session cookies become invalid).');
        break;
      }
      case 'okta': {
        const delegated = account.attributes.credentialProvider === 'ACTIVE_DIRECTORY';
        const deprovisioned = account.attributes.status === 'DEPROVISIONED';
        if (delegated) warnings.push({ kind: 'ad-delegated-password', message: 'The password is delegated to Active Directory: expire it there; Okta sessions are still cleared.' });
        step('clear-never-expires', false, 'Okta has no per-user "password never expires".');
        step(
          'force-change',
          !delegated && !deprovisioned,
          delegated ? 'Not possible: the password is delegated to Active Directory.' : deprovisioned ? 'Not possible: the user is deprovisioned.' : 'POST lifecycle/expire_password (status becomes PASSWORD_EXPIRED).',
        );
        step('end-sessions', !deprovisioned, deprovisioned ? 'Not possible: the user is deprovisioned.' : `DELETE sessions${options.revokeOAuthTokens ? '?oauthTokens=true' : ''}`);
        break;
      }
      case 'windows': {
        const local = account.attributes.principalSource === 'Local';
        if (!local) warnings.push({ kind: 'not-a-local-account', message: `This is a ${account.attributes.principalSource ?? 'non-local'} account, not a SAM account: its password is not managed on this host.` });
        warnings.push({ kind: 'sessions-not-ended', message: 'Interactive Windows sessions are not ended: sign the user out or restart the host.' });
        step(
          'clear-never-expires',
          local && account.attributes.neverExpires === true && options.clearNeverExpires,
          account.attributes.neverExpires ? 'Clear UF_DONT_EXPIRE_PASSWD (it silently cancels "must change").' : '"Password never expires" is not set.',
        );
        step('force-change', local, local ? 'ADSI PasswordExpired = 1 (must change at next sign-in).' : 'Not possible: not a local account.');
        step('end-sessions', false, 'Windows local accounts: sessions are not ended by Rekey.');
        break;
      }
    }
    return { steps, warnings };
  }

  async reset(batch: ResetBatch, signal: AbortSignal): Promise<AccountResetResult[]> {
    const results: AccountResetResult[] = [];
    for (const item of batch.items) {
      if (this.options.latencyMs) await this.clock.sleep(this.options.latencyMs, signal);
      const account = this.find(item.account);
      const steps: StepResult[] = [];
      let failedBefore = false;
      for (const step of item.steps) {
        if (failedBefore) {
          steps.push({ step, status: 'skipped', message: 'Not attempted because the previous step failed.', evidence: [], at: this.iso() });
          continue;
        }
        const result = account ? this.applyStep(account, step, batch.options) : this.missing(step);
        if (result.status === 'failed') failedBefore = true;
        steps.push(result);
      }
      results.push({ directoryId: this.id, accountId: item.account.id, steps });
    }
    return results;
  }

  private missing(step: StepKind): StepResult {
    return { step, status: 'failed', message: 'The account no longer exists in the directory.', evidence: [this.http('GET', '/users/unknown', 404, 'Request_ResourceNotFound')], at: this.iso() };
  }

  private applyStep(account: Account, step: StepKind, options: ResetOptions): StepResult {
    const login = account.login.toLowerCase();
    const at = this.iso();
    const transient = this.transientLeft.get(login);
    if (transient && transient.times > 0) {
      transient.times--;
      if (this.kind === 'windows') {
        return { step, status: 'failed', message: `${account.attributes.host} did not answer within 30 seconds (WinRM timeout).`, evidence: [this.ps(account, 'timeout', 'The WinRM client cannot complete the operation within the time specified.')], at, retryable: true };
      }
      return {
        step,
        status: 'failed',
        message: 'The directory is throttling requests (HTTP 429); retry after the indicated delay.',
        evidence: [this.http(...this.request(account, step, options), 429, this.kind === 'okta' ? 'E0000047' : 'TooManyRequests')],
        at,
        retryable: true,
        retryAfterMs: transient.retryAfterMs,
      };
    }
    if (this.options.faults?.permanent?.some((l) => l.toLowerCase() === login)) {
      if (this.kind === 'windows') {
        return { step, status: 'failed', message: 'Access is denied: the connection account is not an administrator on this host.', evidence: [this.ps(account, 5, 'System.UnauthorizedAccessException: Access is denied.')], at, retryable: false };
      }
      return {
        step,
        status: 'failed',
        message: this.kind === 'okta' ? 'Okta refused: the API token lacks permission to manage this user (E0000006).' : 'Graph refused: insufficient privileges to update this user (Authorization_RequestDenied).',
        evidence: [this.http(...this.request(account, step, options), 403, this.kind === 'okta' ? 'E0000006' : 'Authorization_RequestDenied')],
        at,
        retryable: false,
      };
    }
    const ignored = this.options.faults?.silentlyIgnored?.some((l) => l.toLowerCase() === login) ?? false;
    const now = new Date(this.clock.now()).toISOString();
    if (!ignored) {
      if (step === 'force-change') this.update(account, this.kind === 'okta' ? { mustChange: true, status: 'PASSWORD_EXPIRED' } : { mustChange: true });
      else if (step === 'end-sessions') this.update(account, { sessionsRevokedSince: now });
      else this.update(account, { neverExpires: false });
    }
    const evidence: Evidence =
      this.kind === 'windows'
        ? this.ps(account, 0, step === 'clear-never-expires' ? 'UserFlags: UF_DONT_EXPIRE_PASSWD cleared' : 'PasswordExpired=1')
        : this.http(...this.request(account, step, options), this.kind === 'okta' && step === 'end-sessions' ? 204 : step === 'force-change' && this.kind === 'entra' ? 204 : 200);
    const messages: Record<StepKind, string> = {
      'clear-never-expires': '"Password never expires" cleared.',
      'force-change': this.kind === 'okta' ? 'Password expired: the user must choose a new one at next sign-in.' : 'The user must change the password at next sign-in.',
      'end-sessions': this.kind === 'okta' ? 'Sessions cleared and OAuth tokens revoked.' : 'Sign-in sessions revoked.',
    };
    return { step, status: 'done', message: messages[step], evidence: [evidence], at };
  }

  private request(account: Account, step: StepKind, options: ResetOptions): [string, string] {
    if (this.kind === 'okta') {
      return step === 'end-sessions'
        ? ['DELETE', `/api/v1/users/${account.id}/sessions${options.revokeOAuthTokens ? '?oauthTokens=true' : ''}`]
        : ['POST', `/api/v1/users/${account.id}/lifecycle/expire_password`];
    }
    return step === 'end-sessions' ? ['POST', `/v1.0/users/${account.id}/revokeSignInSessions`] : ['PATCH', `/v1.0/users/${account.id}`];
  }

  async readState(accounts: Account[], signal?: AbortSignal): Promise<VerifiedState[]> {
    signal?.throwIfAborted();
    return accounts.map((requested) => {
      const checkedAt = this.iso();
      const account = this.find(requested);
      const via = this.kind === 'entra' ? 'Graph' : this.kind === 'okta' ? 'Okta API' : 'ADSI';
      const base = { directoryId: this.id, accountId: requested.id, checkedAt, via };
      if (!account || this.options.faults?.unreadable?.some((l) => l.toLowerCase() === requested.login.toLowerCase())) {
        const evidence = this.kind === 'windows' ? this.ps(requested, 1, 'The network path was not found.') : this.http('GET', this.readUrl(requested), 503, 'ServiceUnavailable');
        return { ...base, mustChange: 'unknown', error: 'The directory did not return the account (service unavailable); try verifying again.', evidence: [evidence] };
      }
      const state = this.stateOf(account);
      if (this.kind === 'windows') {
        const output = `User name ${account.login}\nPassword expires ${state.neverExpires ? 'Never' : 'Now'}\nUser may change password Yes\nPasswordExpired ${state.mustChange ? 1 : 0}`;
        return { ...base, mustChange: state.mustChange ? 'yes' : 'no', neverExpires: state.neverExpires, directoryStatus: state.mustChange ? 'Password expired' : 'Password set', evidence: [this.ps(account, 0, output, 'read-state.ps1')] };
      }
      if (this.kind === 'okta') {
        return { ...base, mustChange: state.status === 'PASSWORD_EXPIRED' ? 'yes' : 'no', directoryStatus: state.status, evidence: [this.http('GET', this.readUrl(account), 200)] };
      }
      return {
        ...base,
        mustChange: state.mustChange ? 'yes' : 'no',
        sessionsRevokedSince: state.sessionsRevokedSince,
        directoryStatus: state.status,
        evidence: [this.http('GET', this.readUrl(account), 200)],
      };
    });
  }

  private readUrl(account: Account): string {
    return this.kind === 'okta'
      ? `/api/v1/users/${account.id}`
      : `/v1.0/users/${account.id}?$select=passwordProfile,signInSessionsValidFromDateTime,onPremisesSyncEnabled,accountEnabled`;
  }

  // ---- evidence ----------------------------------------------------------

  private iso(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private http(method: string, url: string, status: number, errorCode?: string): Evidence {
    const n = ++this.requestCounter;
    const evidence: Evidence = { kind: 'http', method, url, status, requestId: stableGuid(`${this.id}:${n}:${url}:${this.clock.now()}`), at: this.iso() };
    if (this.kind === 'okta') evidence.requestId = `practice-${stableGuid(`${n}:${url}`).replace(/-/g, '').slice(0, 20)}`;
    if (errorCode) evidence.errorCode = errorCode;
    return evidence;
  }

  private ps(account: Account, exitStatus: number | string, output: string, script = 'reset.ps1'): Evidence {
    return { kind: 'powershell', host: account.attributes.host ?? 'localhost', script, exitStatus, output, at: this.iso() };
  }
}

/** The three practice directories: Contoso (Entra-like), Fabrikam (Okta-like), two Windows hosts. */
export function createSampleDirectories(options: SampleDirectoryOptions = {}): SampleDirectory[] {
  return (['entra', 'okta', 'windows'] as const).map((kind) => new SampleDirectory(kind, options));
}

/** Faults the practice console shows by default: one throttled request, retried after the requested delay. */
export const defaultPracticeFaults: SampleFaults = {
  transient: [{ login: 'lynne.robbins@contoso-practice.onmicrosoft.com', times: 1, retryAfterMs: 300 }],
};
