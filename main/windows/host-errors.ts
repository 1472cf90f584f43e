// Why a remote computer did not answer, in one sentence that says what to fix.
// Invoke-Command reports each failed host as an ErrorRecord; its
// FullyQualifiedErrorId ("ComputerNotFound,PSSessionStateBroken"), error code
// and message tell the cases apart. Messages are localised on non-English
// Windows, so the identifier and the code are tried first.
import type { HostErrorRecord } from './protocol';

export type HostFailureKind = 'unreachable' | 'access-denied' | 'trusted-hosts' | 'timeout' | 'script-error' | 'wrong-computer';

export interface HostFailure {
  host: string;
  kind: HostFailureKind;
  /** One sentence: what went wrong and what to do about it. */
  sentence: string;
  /** What PowerShell said, for the evidence. */
  detail: string;
  /** Worth trying again later without changing anything. */
  retryable: boolean;
}

const retryableKinds: ReadonlySet<HostFailureKind> = new Set(['unreachable', 'timeout']);

function firstIdentifier(record: HostErrorRecord): string {
  return (record.fullyQualifiedErrorId.split(',')[0] ?? '').trim();
}

export function classifyKind(record: HostErrorRecord): HostFailureKind {
  const id = firstIdentifier(record);
  const message = record.message;
  const code = record.errorCode;
  // An error raised by the script itself carries the remote computer in OriginInfo.
  if (record.originComputer) return 'script-error';
  if (id === 'WinRMOperationTimeout' || code === 1460 || /timed out|time-?out/i.test(message)) return 'timeout';
  // Checked before the Kerberos wording: a name DNS cannot find is reported "while using Kerberos authentication".
  if (id === 'ComputerNotFound' || id === 'NetworkPathNotFound') return 'unreachable';
  if (id === 'ServerNotTrusted' || id === 'CannotUseIPAddress' || /TrustedHosts/i.test(message) || /Kerberos/i.test(message)) return 'trusted-hosts';
  if (id === 'AccessDenied' || id === 'LogonFailure' || code === 5 || code === 1326 || /access is denied|user name or password is incorrect/i.test(message)) {
    return 'access-denied';
  }
  if (id === 'CannotConnect' || code === 53 || code === 1722 || code === -2144108250) {
    return 'unreachable';
  }
  return 'script-error';
}

function sentenceFor(kind: HostFailureKind, host: string, record: HostErrorRecord): string {
  switch (kind) {
    case 'unreachable':
      return `${host} could not be reached over WinRM: check that the name resolves, the computer is on, and remoting is enabled there (Enable-PSRemoting) with ports 5985/5986 open in its firewall.`;
    case 'access-denied':
      return /user name or password is incorrect/i.test(record.message) || record.errorCode === 1326
        ? `${host} rejected the user name or password: enter the credential for this session again.`
        : `${host} refused access: connect with an account in its Administrators group, and for a local (non-domain) account set LocalAccountTokenFilterPolicy to 1 on ${host}, because UAC otherwise strips administrator rights from remote sign-ins.`;
    case 'trusted-hosts':
      return `${host} cannot be reached with Kerberos from here: use HTTPS (port 5986) with a credential, or add ${host} to this computer's WinRM TrustedHosts list and enter a credential.`;
    case 'timeout':
      return `${host} did not answer in time: check that it is awake and not overloaded, then retry.`;
    case 'wrong-computer':
      return `${host} answered as a different computer than the one its accounts were listed on, so nothing was changed: list the accounts again.`;
    case 'script-error':
      return `Rekey's script failed on ${host} (${record.message.split(/\r?\n/)[0]?.trim() ?? 'no message'}): run the preflight check for ${host}, which tells whether PowerShell 5.1, the LocalAccounts module and administrator rights are there.`;
  }
}

export function classifyHostError(record: HostErrorRecord, requestedHost?: string): HostFailure {
  const kind = classifyKind(record);
  const host = requestedHost ?? record.targetObject ?? record.originComputer ?? 'the remote computer';
  return {
    host,
    kind,
    sentence: sentenceFor(kind, host, record),
    detail: `${record.fullyQualifiedErrorId}${record.errorCode !== null ? ` (code ${record.errorCode})` : ''}: ${record.message}`.slice(0, 1000),
    retryable: retryableKinds.has(kind),
  };
}

/** A host that answered under another computer name than the one its accounts were listed on. */
export function wrongComputer(host: string, expected: string, answeredAs: string): HostFailure {
  return {
    host,
    kind: 'wrong-computer',
    sentence: `${host} answered as ${answeredAs}, not as ${expected} where these accounts were listed, so nothing was changed: list the accounts again.`,
    detail: `expected computer name ${expected}, got ${answeredAs}`,
    retryable: false,
  };
}

/** A host for which no answer and no error came back (the connection dropped mid-way). */
export function noAnswer(host: string, problem: string | null): HostFailure {
  return {
    host,
    kind: problem ? 'script-error' : 'unreachable',
    sentence: problem ?? `${host} sent no answer: check that it is reachable over WinRM, then retry.`,
    detail: problem ?? 'no reply and no error record for this host',
    retryable: true,
  };
}
