// Windows local accounts (SAM) as a core Directory: "this computer" or a set
// of remote computers reached over WinRM. Each call is one PowerShell round
// trip, fanned out to every host at once by Invoke-Command -ThrottleLimit;
// each host answers for itself, and a failing host never hides the answers of
// the others.
import type {
  Account,
  AccountPlan,
  AccountQuery,
  AccountResetResult,
  Directory,
  DirectoryCapabilities,
  Evidence,
  PacingHints,
  ResetBatch,
  ResetOptions,
  StepKind,
  StepResult,
  VerifiedState,
} from '../core/domain';
import { accountKey } from '../core/domain';
import { systemClock, type Clock } from '../core/ports';
import { isLocalPrincipal, matchesQuery, toAccount } from './accounts';
import { classifyHostError, noAnswer, wrongComputer, type HostFailure } from './host-errors';
import { remoteTarget, type RemoteSettings } from './hosts';
import { planAccount } from './plan';
import type {
  ListedAccount,
  ListReply,
  PreflightReply,
  ReadStateReply,
  ReadStateRequestItem,
  ResetReply,
  ResetRequestItem,
  ScriptName,
} from './protocol';
import type { PowerShellSession, RemoteTarget, RunOutcome } from './session';
import { toVerifiedState, unreadableState } from './verify';

/** "." is this computer; anything else is a host name as Invoke-Command uses it. */
const localKey = '.';

/** Steps the reset script performs; anything else is answered here. */
const scriptSteps: ReadonlySet<StepKind> = new Set(['clear-never-expires', 'force-change']);

export interface WindowsDirectoryOptions {
  /** e.g. "windows:this-computer" or "windows:branch-office". */
  id: string;
  displayName: string;
  session: PowerShellSession;
  /** null: this computer. */
  remote: RemoteSettings | null;
  clock?: Clock;
}

export interface HostPreflight {
  host: string;
  reply: PreflightReply | null;
  failure: HostFailure | null;
}

interface HostAnswer<S extends ScriptName> {
  reply: RunOutcome<S>['replies'][number]['reply'] | null;
  failure: HostFailure | null;
}

export class WindowsDirectory implements Directory {
  readonly kind = 'windows' as const;
  readonly id: string;
  readonly displayName: string;
  /** One PowerShell round trip per batch carries up to 500 accounts per host; the session runs one request at a time. */
  readonly pacing: PacingHints = { maxConcurrency: 1, batchSize: 500 };
  readonly capabilities: DirectoryCapabilities = {
    forceChange: true,
    forceChangeWithMfa: false,
    endSessions: false,
    readsSessionRevocation: false,
    clearNeverExpires: true,
  };

  private readonly session: PowerShellSession;
  private readonly remote: RemoteSettings | null;
  private readonly clock: Clock;
  /** host key → the computer name the host reported for itself (requests are addressed to it). */
  private readonly computerNames = new Map<string, string>();
  private readonly failures = new Map<string, HostFailure>();
  /** Facts from the last listing that core's Account has no field for. */
  private readonly listed = new Map<string, ListedAccount>();
  /** What list.ps1 could only partly read, per host, from the last listing. */
  private readonly listWarnings = new Map<string, string[]>();
  private localElevated: boolean | undefined;

  constructor(options: WindowsDirectoryOptions) {
    this.id = options.id;
    this.displayName = options.displayName;
    this.session = options.session;
    this.remote = options.remote;
    this.clock = options.clock ?? systemClock;
  }

  /** The hosts this directory covers, as keys ("." for this computer). */
  hostKeys(): string[] {
    return this.remote ? this.remote.hosts.map((h) => h.name) : [localKey];
  }

  /** Things the last listing could only partly read (for example a group whose members needed ADSI). */
  listingWarnings(): { host: string; message: string }[] {
    return [...this.listWarnings.entries()].flatMap(([host, messages]) => messages.map((message) => ({ host, message })));
  }

  /** What went wrong with which host on the last contact, one sentence each. */
  hostProblems(): HostFailure[] {
    return [...this.failures.values()];
  }

  async preflight(): Promise<HostPreflight[]> {
    const keys = this.hostKeys();
    const { answers } = await this.runOnHosts('preflight', { v: 1 }, keys);
    return keys.map((host) => {
      const answer = answers.get(host);
      const reply = (answer?.reply as PreflightReply | null | undefined) ?? null;
      if (reply && host === localKey) this.localElevated = reply.elevated;
      return { host, reply, failure: answer?.failure ?? null };
    });
  }

  async *listAccounts(query: AccountQuery, signal?: AbortSignal): AsyncIterable<Account[]> {
    signal?.throwIfAborted();
    const keys = this.hostKeys();
    const { answers } = await this.runOnHosts('list', { v: 1 }, keys);
    const failed = keys.filter((key) => answers.get(key)?.failure);
    if (failed.length === keys.length) {
      throw new Error(failed.map((key) => answers.get(key)?.failure?.sentence).join(' '));
    }
    for (const key of keys) {
      signal?.throwIfAborted();
      const reply = answers.get(key)?.reply as ListReply | null | undefined;
      if (!reply) continue;
      this.listWarnings.set(key === localKey ? reply.computerName : key, reply.warnings);
      const page: Account[] = [];
      for (const listed of reply.accounts) {
        const account = toAccount(this.id, listed, { hostKey: key, reply });
        this.listed.set(accountKey(account), listed);
        if (matchesQuery(account, query.search, query.group)) page.push(account);
      }
      yield page;
    }
  }

  async planReset(accounts: Account[], options: ResetOptions): Promise<AccountPlan[]> {
    return accounts.map((account) =>
      planAccount(account, options, {
        ...(this.failures.get(this.hostKeyOf(account)) ? { hostFailure: this.failures.get(this.hostKeyOf(account)) } : {}),
        ...(this.remote === null && this.localElevated !== undefined ? { elevated: this.localElevated } : {}),
        ...(this.listed.get(accountKey(account)) ? { userMayChangePassword: this.listed.get(accountKey(account))?.userMayChangePassword } : {}),
      }),
    );
  }

  async reset(batch: ResetBatch, signal: AbortSignal): Promise<AccountResetResult[]> {
    const at = () => this.now();
    const results = new Map<string, AccountResetResult>();
    const answerAll = (item: ResetBatch['items'][number], status: StepResult['status'], message: string, evidence: Evidence[], retryable = false) => {
      results.set(accountKey(item.account), {
        directoryId: this.id,
        accountId: item.account.id,
        steps: item.steps.map((step) => ({ step, status, message, evidence, at: at(), ...(retryable ? { retryable } : {}) })),
      });
    };

    if (signal.aborted) {
      for (const item of batch.items) answerAll(item, 'cancelled', 'Cancelled before anything was sent to Windows.', []);
      return batch.items.map((item) => results.get(accountKey(item.account))!);
    }

    // Refusals decided here, before anything is sent.
    const toSend = new Map<string, ResetBatch['items']>();
    for (const item of batch.items) {
      const { account } = item;
      const note = (text: string): Evidence[] => [{ kind: 'note', text, at: at() }];
      if (account.attributes.isConnectionAccount) {
        const message = `Not changed: ${account.login} is the account Rekey is connected to ${account.attributes.host} with, and once it must change its password Windows refuses its network sign-ins (error 1907); reset it last, from another account or at the console.`;
        answerAll(item, 'skipped', message, note(message));
      } else if (!isLocalPrincipal(account)) {
        const message = `${account.login} signs in with a ${account.attributes.principalSource} account, whose password is not kept on ${account.attributes.host}, so there is nothing to expire there.`;
        answerAll(item, 'skipped', message, note(message));
      } else if (!this.hostKeys().includes(this.hostKeyOf(account))) {
        const message = `${account.login} lives on ${account.attributes.host}, which is not one of the computers of "${this.displayName}".`;
        answerAll(item, 'failed', message, note(message));
      } else {
        const key = this.hostKeyOf(account);
        toSend.set(key, [...(toSend.get(key) ?? []), item]);
      }
    }

    if (toSend.size > 0) {
      const keys = [...toSend.keys()];
      const named = await this.ensureComputerNames(keys);
      const targets = keys
        .filter((key) => named.get(key))
        .map((key) => ({
          computerName: named.get(key)!,
          items: (toSend.get(key) ?? [])
            .filter((item) => item.steps.some((step) => scriptSteps.has(step)))
            .map((item): ResetRequestItem => ({ sid: item.account.id, name: item.account.login, steps: item.steps.filter((s) => scriptSteps.has(s)) })),
        }))
        .filter((target) => target.items.length > 0);
      const run = targets.length
        ? await this.runOnHosts('reset', { v: 1, options: { clearNeverExpires: batch.options.clearNeverExpires }, targets }, keys.filter((key) => named.get(key)))
        : null;

      for (const key of keys) {
        const failure = this.failures.get(key) && !named.get(key) ? this.failures.get(key)! : (run?.answers.get(key)?.failure ?? null);
        const reply = run?.answers.get(key)?.reply as ResetReply | null | undefined;
        for (const item of toSend.get(key) ?? []) {
          if (failure) {
            answerAll(item, 'failed', failure.sentence, [...(run ? [run.evidence] : []), { kind: 'note', text: failure.detail, at: at() }], failure.retryable);
            continue;
          }
          const answered = reply?.items.find((i) => i.sid === item.account.id);
          const steps = item.steps.map((step): StepResult => {
            if (!scriptSteps.has(step)) {
              return { step, status: 'not-applicable', message: 'Interactive sessions are not ended; sign the user out or restart the computer.', evidence: [], at: at() };
            }
            const done = answered?.steps.find((s) => s.step === step);
            const runEvidence = run ? [run.evidence] : [];
            if (!done) {
              return { step, status: 'failed', message: `${key === localKey ? 'This computer' : key} did not report this step for ${item.account.login}; verify re-reads the account.`, evidence: runEvidence, at: at(), retryable: true };
            }
            const accountEvidence: Evidence = {
              kind: 'powershell',
              host: key,
              script: 'reset.ps1',
              exitStatus: run?.evidence.kind === 'powershell' ? run.evidence.exitStatus : 0,
              output: JSON.stringify({ account: answered?.name, sid: answered?.sid, ...done }).slice(0, 2000),
              at: at(),
            };
            return { step, status: done.status, message: done.message, evidence: [...runEvidence, accountEvidence], at: at() };
          });
          results.set(accountKey(item.account), { directoryId: this.id, accountId: item.account.id, steps });
        }
      }
    }
    return batch.items.map((item) => results.get(accountKey(item.account))!);
  }

  async readState(accounts: Account[], signal?: AbortSignal): Promise<VerifiedState[]> {
    signal?.throwIfAborted();
    const byHost = new Map<string, Account[]>();
    for (const account of accounts) {
      const key = this.hostKeyOf(account);
      byHost.set(key, [...(byHost.get(key) ?? []), account]);
    }
    const keys = [...byHost.keys()].filter((key) => this.hostKeys().includes(key));
    const named = await this.ensureComputerNames(keys);
    const sendable = keys.filter((key) => named.get(key));
    const targets = sendable.map((key) => ({
      computerName: named.get(key)!,
      items: (byHost.get(key) ?? []).map((a): ReadStateRequestItem => ({ sid: a.id, name: a.login })),
    }));
    const run = targets.length ? await this.runOnHosts('read-state', { v: 1, targets }, sendable) : null;
    const at = this.now();

    return accounts.map((account) => {
      const key = this.hostKeyOf(account);
      if (!this.hostKeys().includes(key)) {
        return unreadableState(this.id, account.id, `${account.login} lives on ${account.attributes.host}, which is not one of the computers of "${this.displayName}".`, [], at);
      }
      const failure = run?.answers.get(key)?.failure ?? (named.get(key) ? null : (this.failures.get(key) ?? null));
      const evidence = run ? [run.evidence] : [];
      if (failure) return unreadableState(this.id, account.id, failure.sentence, evidence, at);
      const reply = run?.answers.get(key)?.reply as ReadStateReply | null | undefined;
      const item = reply?.items.find((i) => i.sid === account.id);
      if (!reply || !item || !run) {
        return unreadableState(this.id, account.id, `${key === localKey ? 'This computer' : key} did not report ${account.login}.`, evidence, at);
      }
      return toVerifiedState({ directoryId: this.id, accountId: account.id, host: key === localKey ? reply.computerName : key, reply, item, runEvidence: run.evidence, at });
    });
  }

  // --- plumbing ---------------------------------------------------------------------

  private now(): string {
    return new Date(this.clock.now()).toISOString();
  }

  private hostKeyOf(account: Account): string {
    return this.remote ? (account.attributes.host ?? '') : localKey;
  }

  private remoteFor(keys: string[]): RemoteTarget | null {
    return this.remote ? remoteTarget(this.remote, keys) : null;
  }

  /** Requests name the computer each host reported for itself; learn it for hosts not yet listed. */
  private async ensureComputerNames(keys: string[]): Promise<Map<string, string | undefined>> {
    const missing = keys.filter((key) => !this.computerNames.has(key));
    if (missing.length) await this.runOnHosts('preflight', { v: 1 }, missing);
    return new Map(keys.map((key) => [key, this.computerNames.get(key)]));
  }

  /**
   * One round trip: run a script on the given hosts and sort the outcome per
   * host into an answer or a failure, one sentence each.
   */
  private async runOnHosts<S extends ScriptName>(
    script: S,
    payload: Parameters<PowerShellSession['run']>[1],
    keys: string[],
  ): Promise<{ answers: Map<string, HostAnswer<S>>; evidence: Evidence }> {
    const outcome = await this.session.run(script, payload, this.remoteFor(keys));
    const answers = new Map<string, HostAnswer<S>>();
    const find = (host: string) => keys.find((key) => key.toLowerCase() === host.toLowerCase() || (key === localKey && host === localKey));

    for (const { host, reply } of outcome.replies) {
      const key = find(host);
      if (!key) continue;
      const reported = (reply as { computerName: string }).computerName;
      const expected = this.computerNames.get(key);
      if ((script === 'reset' || script === 'read-state') && !(reply as { matched: boolean }).matched) {
        answers.set(key, { reply: null, failure: wrongComputer(key === localKey ? 'This computer' : key, expected ?? '?', reported) });
        continue;
      }
      if (script === 'list' || script === 'preflight') {
        if (expected && expected.toLowerCase() !== reported.toLowerCase()) {
          // DNS or DHCP moved the name: accounts listed before belong to another computer.
          this.listed.clear();
        }
        this.computerNames.set(key, reported);
      }
      answers.set(key, { reply, failure: null });
    }
    for (const record of outcome.hostErrors) {
      const key = find(record.targetObject ?? record.originComputer ?? '');
      if (key && !answers.get(key)?.reply) answers.set(key, { reply: null, failure: classifyHostError(record, key) });
    }
    for (const invalid of outcome.invalidReplies) {
      const key = find(invalid.host);
      if (key && !answers.has(key)) answers.set(key, { reply: null, failure: noAnswer(key, invalid.problem) });
    }
    for (const key of keys) {
      if (!answers.has(key)) {
        const failure = noAnswer(key === localKey ? 'This computer' : key, outcome.problem);
        answers.set(key, { reply: null, failure: { ...failure, retryable: outcome.status !== 'failed' } });
      }
      const failure = answers.get(key)?.failure;
      if (failure) this.failures.set(key, failure);
      else this.failures.delete(key);
    }
    return { answers, evidence: outcome.evidence };
  }
}
