// What Rekey's four scripts answer when they run on a simulated computer.
// Each function follows its .ps1 file step by step (same checks, same order,
// same sentences), so the directory cannot tell the practice host from a real
// one, and a change to a script that is not mirrored here shows up in tests.
import type {
  AccountStateReply,
  ListReply,
  PreflightReply,
  ReadStateReply,
  ReadStateRequestItem,
  ResetReply,
  ResetRequestItem,
  ScriptStep,
} from '../../windows/protocol';
import { renderNetUser } from './net-user-render';
import { userFlag, type MachineCulture, type SamAccount, type SamDatabase } from './sam';

export interface RunContext {
  /** A remote (WinRM) session, as $PSSenderInfo tells the script. */
  remote: boolean;
  /** The identity the script runs as. */
  caller: { name: string; sid: string };
  /** Whether that identity holds administrator rights here. */
  elevated: boolean;
}

const cultureFacts: Record<MachineCulture, { shortDatePattern: string; longTimePattern: string }> = {
  'en-US': { shortDatePattern: 'M/d/yyyy', longTimePattern: 'h:mm:ss tt' },
  'en-GB': { shortDatePattern: 'dd/MM/yyyy', longTimePattern: 'HH:mm:ss' },
  'de-DE': { shortDatePattern: 'dd.MM.yyyy', longTimePattern: 'HH:mm:ss' },
  'fr-FR': { shortDatePattern: 'dd/MM/yyyy', longTimePattern: 'HH:mm:ss' },
  'es-ES': { shortDatePattern: 'dd/MM/yyyy', longTimePattern: 'H:mm:ss' },
};

/** DateTime.ToString('o') of a local time: 2026-11-21T14:03:04.0000000+01:00. */
export function roundTripDate(ms: number | null, utcOffsetMinutes: number): string | null {
  if (ms === null) return null;
  const local = new Date(ms + utcOffsetMinutes * 60_000).toISOString().slice(0, 19);
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  return `${local}.0000000${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

const validName = (name: string) => name.length >= 1 && name.length <= 20 && !/["/\\[\]:;|=,+*?<>]/.test(name) && !/^[. ]+$/.test(name);

// --- preflight.ps1 --------------------------------------------------------------------

export function runPreflight(sam: SamDatabase, context: RunContext): PreflightReply {
  const problems = context.elevated ? [] : ['PowerShell is not running as administrator, so Windows will refuse to change local accounts.'];
  return {
    v: 1,
    computerName: sam.computerName,
    remote: context.remote,
    elevated: context.elevated,
    edition: 'Desktop',
    psVersion: '5.1.26100.2161',
    is64BitProcess: true,
    is64BitOperatingSystem: true,
    localAccounts: true,
    callerName: context.caller.name,
    callerSid: context.caller.sid,
    culture: sam.culture,
    osVersion: '10.0.26100.0',
    problems,
  };
}

// --- list.ps1 ------------------------------------------------------------------------

export function runList(sam: SamDatabase, context: RunContext): ListReply {
  const warnings: string[] = [];
  for (const group of sam.groups) {
    if (group.orphanedMember) {
      warnings.push(`Get-LocalGroupMember could not read the local group '${group.name}' (Failed to compare two elements in the array.), so its members were read with ADSI.`);
    }
  }
  const accounts = [...sam.accounts.values()].map((account) => {
    let neverExpires: boolean | null = null;
    let passwordExpired: boolean | null = null;
    if (sam.fault(account).adsiUnavailable) {
      warnings.push(`The password flags of '${account.name}' could not be read with ADSI: Unknown error (0x80005000)`);
    } else {
      neverExpires = sam.neverExpires(account);
      passwordExpired = sam.passwordExpired(account) === 1;
    }
    return {
      name: account.name,
      fullName: account.fullName,
      description: account.description,
      sid: account.sid,
      rid: account.rid,
      enabled: sam.enabled(account),
      principalSource: account.principalSource,
      passwordLastSet: roundTripDate(account.passwordLastSet, sam.utcOffsetMinutes),
      passwordExpires: roundTripDate(sam.passwordExpires(account), sam.utcOffsetMinutes),
      lastLogon: roundTripDate(account.lastLogon, sam.utcOffsetMinutes),
      userMayChangePassword: (account.userFlags & userFlag.passwordCannotChange) === 0,
      passwordRequired: (account.userFlags & userFlag.passwordNotRequired) === 0,
      neverExpires,
      passwordExpired,
      groups: sam.groupsOf(account.sid).map((g) => ({ name: g.name, sid: g.sid })),
      isCurrentUser: context.caller.sid === account.sid,
    };
  });
  return {
    v: 1,
    computerName: sam.computerName,
    remote: context.remote,
    callerName: context.caller.name,
    callerSid: context.caller.sid,
    culture: sam.culture,
    accounts,
    warnings,
  };
}

// --- reset.ps1 -----------------------------------------------------------------------

function step(stepName: string, status: ScriptStep['status'], message: string, via: string | null = null, detail: ScriptStep['detail'] = null): ScriptStep {
  return { step: stepName, status, message, via, detail };
}

function accountProblem(sam: SamDatabase, item: ResetRequestItem, context: RunContext): { status: 'failed' | 'skipped'; message: string } | null {
  if (!validName(item.name)) return { status: 'failed', message: `'${item.name}' is not a valid local account name, so it was not changed.` };
  const user = sam.findBySid(item.sid);
  if (!user) {
    return { status: 'failed', message: `No local account with SID ${item.sid} exists on ${sam.computerName} any more, so nothing was changed; list the accounts again.` };
  }
  if (user.name.toLowerCase() !== item.name.toLowerCase()) {
    return { status: 'failed', message: `The account with SID ${item.sid} on ${sam.computerName} is now named '${user.name}', not '${item.name}', so nothing was changed; list the accounts again.` };
  }
  if (user.principalSource !== 'Local') {
    return { status: 'skipped', message: `'${item.name}' signs in with a ${user.principalSource} account, whose password is not kept on this computer, so there is nothing to expire here.` };
  }
  if (context.remote && context.caller.sid === item.sid) {
    return {
      status: 'skipped',
      message: `Not changed: '${item.name}' is the account Rekey is connected to ${sam.computerName} with, and once it must change its password Windows refuses its network sign-ins (error 1907); reset it last, from another account or at the console.`,
    };
  }
  return null;
}

/** [ADSI]"WinNT://./NAME,user": throws where the real bind would. */
function adsiBind(sam: SamDatabase, name: string): SamAccount {
  const account = sam.findByName(name);
  if (!account) throw new Error('The user name could not be found.');
  if (sam.fault(account).adsiUnavailable) throw new Error('Unknown error (0x80005000)');
  // Reads work for anybody; a write without administrator rights is refused at SetInfo().
  return account;
}

function adsiWrite(sam: SamDatabase, account: SamAccount, context: RunContext, write: () => void): void {
  if (!context.elevated) throw new Error('Exception calling "SetInfo" with "0" argument(s): "Access is denied."');
  try {
    write();
  } catch (error) {
    throw new Error(`Exception calling "SetInfo" with "0" argument(s): "${error instanceof Error ? error.message : String(error)}"`);
  }
}

function clearNeverExpires(sam: SamDatabase, name: string, context: RunContext): ScriptStep {
  const before = adsiBind(sam, name).userFlags;
  if ((before & userFlag.dontExpirePassword) === 0) {
    return step('clear-never-expires', 'done', "'Password never expires' was already off.", 'ADSI', { userFlagsBefore: before, userFlagsAfter: before });
  }
  const account = adsiBind(sam, name);
  adsiWrite(sam, account, context, () => sam.setUserFlags(account, before & ~userFlag.dontExpirePassword, 'ADSI'));
  const after = adsiBind(sam, name).userFlags;
  if ((after & userFlag.dontExpirePassword) !== 0) {
    return step('clear-never-expires', 'failed', "Windows kept 'Password never expires' on after the change was saved; clear it in Computer Management and reset again.", 'ADSI', { userFlagsBefore: before, userFlagsAfter: after });
  }
  return step('clear-never-expires', 'done', "Turned off 'Password never expires', which would have cancelled the forced change.", 'ADSI', { userFlagsBefore: before, userFlagsAfter: after });
}

/** net user NAME /logonpasswordchg:yes */
function netUserExpire(sam: SamDatabase, name: string, context: RunContext): { exitCode: number; lines: string[] } {
  const account = sam.findByName(name);
  if (!account) return { exitCode: 2, lines: ['The user name could not be found.', '', 'More help is available by typing NET HELPMSG 2221.'] };
  if (!context.elevated || sam.fault(account).writesDenied) return { exitCode: 2, lines: ['System error 5 has occurred.', '', 'Access is denied.'] };
  sam.expirePassword(account, 'net user');
  return { exitCode: 0, lines: [sam.culture.startsWith('en') ? 'The command completed successfully.' : 'OK'] };
}

function setMustChange(sam: SamDatabase, name: string, sid: string, context: RunContext): ScriptStep {
  let adsiProblem: string;
  try {
    const account = adsiBind(sam, name);
    const flags = account.userFlags;
    if ((flags & userFlag.dontExpirePassword) !== 0) {
      return step('force-change', 'failed', "Not flagged: 'Password never expires' is on, and Windows silently ignores 'must change password' while it is; turn on the option to clear it first.", 'ADSI', { userFlags: flags });
    }
    const before = sam.passwordExpired(account);
    // Reads 1 also when the password merely aged out; only "no last-set time" is the flag itself.
    const flagged = before === 1 && sam.findBySid(sid)?.passwordLastSet === null;
    if (flagged) {
      return step('force-change', 'done', 'Already had to change the password at next sign-in; nothing was written.', 'ADSI', { passwordExpiredBefore: before, passwordExpiredAfter: before });
    }
    adsiWrite(sam, account, context, () => sam.expirePassword(account, 'ADSI'));
    const after = sam.passwordExpired(adsiBind(sam, name));
    if (after === 1) {
      return step('force-change', 'done', 'Must change the password at next sign-in (set with ADSI and read back).', 'ADSI', { passwordExpiredBefore: before, passwordExpiredAfter: after });
    }
    return step('force-change', 'failed', "Windows saved the change but still reports that the password need not be changed; check 'Password never expires' in Computer Management and reset again.", 'ADSI', { passwordExpiredBefore: before, passwordExpiredAfter: after });
  } catch (error) {
    adsiProblem = error instanceof Error ? error.message : String(error);
  }
  const net = netUserExpire(sam, name, context);
  const netText = net.lines.filter((l) => l !== '').join(' ').trim();
  if (net.exitCode !== 0) {
    return step('force-change', 'failed', `Not flagged: ADSI failed (${adsiProblem}) and net user failed too (exit code ${net.exitCode}: ${netText}).`, 'net user', { netUserExitCode: net.exitCode });
  }
  let after: number;
  try {
    after = sam.passwordExpired(adsiBind(sam, name));
  } catch {
    return step('force-change', 'done', `Must change the password at next sign-in (set with net user because ADSI failed: ${adsiProblem}; it could not be read back).`, 'net user', { netUserExitCode: net.exitCode });
  }
  if (after === 1) {
    return step('force-change', 'done', `Must change the password at next sign-in (set with net user because ADSI failed: ${adsiProblem}).`, 'net user', { netUserExitCode: net.exitCode, passwordExpiredAfter: after });
  }
  return step('force-change', 'failed', "net user reported success but Windows still reports that the password need not be changed; check 'Password never expires' in Computer Management.", 'net user', { netUserExitCode: net.exitCode, passwordExpiredAfter: after });
}

export function runReset(
  sam: SamDatabase,
  payload: { targets: { computerName: string; items: ResetRequestItem[] }[] },
  context: RunContext,
): ResetReply {
  const target = payload.targets.find((t) => t.computerName.toLowerCase() === sam.computerName.toLowerCase());
  const items = (target?.items ?? []).map((item) => {
    const problem = accountProblem(sam, item, context);
    const steps = item.steps.map((name): ScriptStep => {
      if (problem) return step(name, problem.status, problem.message);
      try {
        switch (name) {
          case 'clear-never-expires':
            return clearNeverExpires(sam, item.name, context);
          case 'force-change':
            return setMustChange(sam, item.name, item.sid, context);
          case 'end-sessions':
            return step(name, 'not-applicable', 'Interactive sessions are not ended; sign the user out or restart the computer.');
          default:
            return step(name, 'not-applicable', `Rekey has no '${name}' step for Windows local accounts.`);
        }
      } catch (error) {
        return step(name, 'failed', `Failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return { sid: item.sid, name: item.name, steps };
  });
  return { v: 1, computerName: sam.computerName, matched: target !== undefined, items };
}

// --- read-state.ps1 ---------------------------------------------------------------

function readOne(sam: SamDatabase, item: ReadStateRequestItem): AccountStateReply {
  const state: AccountStateReply = {
    sid: item.sid,
    name: item.name,
    found: false,
    currentName: null,
    adsi: null,
    adsiError: null,
    localUser: null,
    localUserError: null,
    netUser: null,
    netUserError: null,
  };
  const user = sam.findBySid(item.sid);
  if (!user) {
    state.localUserError = `No local account with SID ${item.sid} exists here: User ${item.sid} was not found.`;
    return state;
  }
  state.found = true;
  state.currentName = user.name;
  state.localUser = {
    enabled: sam.enabled(user),
    principalSource: user.principalSource,
    passwordLastSet: roundTripDate(user.passwordLastSet, sam.utcOffsetMinutes),
    passwordExpires: roundTripDate(sam.passwordExpires(user), sam.utcOffsetMinutes),
    lastLogon: roundTripDate(user.lastLogon, sam.utcOffsetMinutes),
  };
  if (sam.fault(user).adsiUnavailable) state.adsiError = 'Unknown error (0x80005000)';
  else state.adsi = { passwordExpired: sam.passwordExpired(user), userFlags: user.userFlags };
  state.netUser = { exitCode: 0, text: renderNetUser(sam, user) };
  return state;
}

export function runReadState(sam: SamDatabase, payload: { targets: { computerName: string; items: ReadStateRequestItem[] }[] }): ReadStateReply {
  const target = payload.targets.find((t) => t.computerName.toLowerCase() === sam.computerName.toLowerCase());
  return {
    v: 1,
    computerName: sam.computerName,
    matched: target !== undefined,
    culture: sam.culture,
    ...cultureFacts[sam.culture],
    items: (target?.items ?? []).map((item) => readOne(sam, item)),
  };
}

