// From what list.ps1 reports about one local account to core's Account.
// Built-in accounts are recognised by RID, administrators by the SID of the
// Administrators group: on a French computer the Guest account is "Invité" and
// the group is "Administrateurs", and neither name is ever compared.
import type { Account } from '../core/domain';
import type { ListReply, ListedAccount } from './protocol';

export const administratorsGroupSid = 'S-1-5-32-544';

export const builtInRids = {
  administrator: 500,
  guest: 501,
  defaultAccount: 503,
  wdagUtilityAccount: 504,
} as const;

const builtInNames: Record<number, string> = {
  500: 'the built-in Administrator account (RID 500)',
  501: 'the built-in Guest account (RID 501)',
  503: 'the built-in DefaultAccount (RID 503)',
  504: 'the built-in WDAGUtilityAccount (RID 504)',
};

/** "the built-in Guest account (RID 501)" for built-ins, whatever they are called on this computer. */
export function builtInDescription(rid: number | undefined): string | null {
  return rid === undefined ? null : (builtInNames[rid] ?? null);
}

export interface ListedOn {
  /** How Rekey reaches the computer: "." for this computer, else the host name Invoke-Command used. */
  hostKey: string;
  reply: ListReply;
}

/**
 * PrincipalSource tells local SAM accounts from accounts that sign in with a
 * Microsoft or Entra (AzureAD) identity. Those are listed too, marked, so an
 * admin sees every account on the machine and learns why Rekey leaves some
 * alone (the plan says so), rather than wondering where they went.
 */
export function toAccount(directoryId: string, listed: ListedAccount, on: ListedOn): Account {
  const adminGroup = listed.groups.find((g) => g.sid === administratorsGroupSid);
  const isBuiltInAdmin = listed.rid === builtInRids.administrator;
  const remote = on.reply.remote;
  return {
    directoryId,
    kind: 'windows',
    id: listed.sid,
    login: listed.name,
    displayName: listed.fullName.trim() || listed.name,
    enabled: listed.enabled,
    privileged: isBuiltInAdmin || adminGroup !== undefined,
    ...(isBuiltInAdmin
      ? { privilegedWhy: builtInNames[builtInRids.administrator] }
      : adminGroup
        ? { privilegedWhy: `member of ${adminGroup.name}` }
        : {}),
    groups: listed.groups.map((g) => g.name),
    attributes: {
      host: on.hostKey === '.' ? on.reply.computerName : on.hostKey,
      rid: listed.rid,
      principalSource: listed.principalSource,
      guest: listed.rid === builtInRids.guest,
      lastSignIn: listed.lastLogon,
      status: listed.enabled ? 'Enabled' : 'Disabled',
      ...(listed.neverExpires !== null ? { neverExpires: listed.neverExpires } : {}),
      mustChange: listed.passwordExpired,
      // In a remote session the script runs as the account Rekey connected with.
      isCurrentUser: !remote && listed.isCurrentUser,
      isConnectionAccount: remote && listed.isCurrentUser,
    },
  };
}

export function isLocalPrincipal(account: Account): boolean {
  const source = account.attributes.principalSource;
  return source === undefined || source === 'Local';
}

export function matchesQuery(account: Account, search: string | undefined, group: string | undefined): boolean {
  if (search) {
    const needle = search.toLocaleLowerCase();
    const haystack = [account.login, account.displayName, account.id, account.attributes.host ?? ''].map((v) => v.toLocaleLowerCase());
    if (!haystack.some((v) => v.includes(needle))) return false;
  }
  if (group) {
    const wanted = group.toLocaleLowerCase();
    if (!account.groups.some((g) => g.toLocaleLowerCase() === wanted)) return false;
  }
  return true;
}
