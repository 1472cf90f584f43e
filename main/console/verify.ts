// verify.* : the helpdesk's "did the reset take?". Look an account up by
// name in the connected directories, re-read it, and say what holds in plain
// words; re-verify the accounts of a run; explain pasted net user output.
import type { z } from 'zod';
import type { lookupResult } from '../../preload/contract';
import type { Account, Directory, VerifyResult } from '../core/domain';
import type { RekeyFlow } from '../flow/service';
import { pickDirectories } from '../flow/select';
import type { ConsoleEmit } from './events';
import { stateFindings } from './findings';
import { explainNetUserText, type NetUserExplanation } from './net-user-findings';
import { RunEventRelay } from './run-events';

export type LookupResult = z.infer<typeof lookupResult>;

/** Accounts read per directory: a name that matches more than this is too vague to re-read everything. */
const maxMatchesPerDirectory = 10;
/** Search results scanned per directory before giving up on finding an exact match. */
const maxScanned = 500;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fold(text: string | undefined): string {
  return (text ?? '').trim().toLowerCase();
}

/** The name exactly: login, UPN, email, display name, HOST\name, or the part of a login before "@". */
export function namesAccount(account: Account, name: string): boolean {
  const wanted = fold(name);
  const login = fold(account.login);
  const candidates = [login, login.split('@')[0], fold(account.displayName), fold(account.attributes.email), account.attributes.host ? fold(`${account.attributes.host}\\${account.login}`) : ''];
  return candidates.includes(wanted);
}

function onHost(account: Account, host: string): boolean {
  const wanted = fold(host);
  const accountHost = fold(account.attributes.host);
  return accountHost === wanted || accountHost.split('.')[0] === wanted.split('.')[0];
}

export class VerifyService {
  constructor(
    private readonly flow: RekeyFlow,
    private readonly directories: () => Directory[],
    private readonly emit: ConsoleEmit,
  ) {}

  async lookup(request: { name: string; directoryIds?: string[]; host?: string }): Promise<LookupResult> {
    const directories = pickDirectories(this.directories(), request.directoryIds);
    const perDirectory = await Promise.all(directories.map((directory) => this.lookupIn(directory, request.name, request.host)));
    return {
      matches: perDirectory.flatMap((r) => r.matches),
      searched: perDirectory.map((r) => r.searched),
    };
  }

  /** "Verify again" for a run's accounts; the verdicts are journaled and announced as run events. */
  async again(runId: string, keys?: string[]): Promise<VerifyResult[]> {
    const relay = new RunEventRelay((event) => this.emit('run.event', event));
    try {
      return await this.flow.verifyAgain(runId, keys, { onEvent: (event) => relay.push(event) });
    } finally {
      relay.flush();
    }
  }

  explainNetUser(text: string): NetUserExplanation {
    return explainNetUserText(text);
  }

  private async lookupIn(directory: Directory, name: string, host: string | undefined): Promise<{ matches: LookupResult['matches']; searched: LookupResult['searched'][number] }> {
    const searched = { directoryId: directory.id, displayName: directory.displayName, matched: 0 };
    try {
      const controller = new AbortController();
      const found: Account[] = [];
      for await (const page of directory.listAccounts({ search: name, pageSize: 100 }, controller.signal)) {
        for (const account of page) if (directory.kind !== 'windows' || !host || onHost(account, host)) found.push(account);
        if (found.length >= maxScanned) break;
      }
      controller.abort();
      const exact = found.filter((account) => namesAccount(account, name));
      const picked = (exact.length > 0 ? exact : found).slice(0, maxMatchesPerDirectory);
      if (picked.length === 0) return { matches: [], searched };
      const states = await directory.readState(picked);
      const matches = picked.flatMap((account) => {
        const state = states.find((s) => s.accountId === account.id && s.directoryId === account.directoryId);
        return state ? [{ account, state, findings: stateFindings(account, state, directory.capabilities) }] : [];
      });
      return { matches, searched: { ...searched, matched: matches.length } };
    } catch (error) {
      return { matches: [], searched: { ...searched, error: `${directory.displayName} could not be searched: ${errorText(error)}` } };
    }
  }
}
