// ErrorRecords as Invoke-Command -ComputerName reports failed hosts, each
// turned into one class and one sentence that tells the admin what to fix.
import { describe, expect, it } from 'vitest';
import { classifyHostError, noAnswer, wrongComputer } from '../../../main/windows/host-errors';
import type { HostErrorRecord } from '../../../main/windows/protocol';

function record(fullyQualifiedErrorId: string, message: string, errorCode: number | null = null, originComputer: string | null = null): HostErrorRecord {
  return { targetObject: originComputer ? null : 'PC07', originComputer, fullyQualifiedErrorId, category: 'OpenError', reason: 'PSRemotingTransportException', errorCode, message };
}

const cases: [string, HostErrorRecord, string, string, boolean][] = [
  [
    'a name DNS cannot find (even though the message mentions Kerberos)',
    record('ComputerNotFound,PSSessionStateBroken', 'Connecting to remote server PC07 failed with the following error message : WinRM cannot process the request. The following error occurred while using Kerberos authentication: Cannot find the computer PC07.', -2146893053),
    'unreachable',
    'PC07 could not be reached over WinRM: check that the name resolves, the computer is on, and remoting is enabled there (Enable-PSRemoting) with ports 5985/5986 open in its firewall.',
    true,
  ],
  [
    'a computer that is off or firewalled',
    record('CannotConnect,PSSessionStateBroken', 'Connecting to remote server PC07 failed with the following error message : WinRM cannot complete the operation. Verify that the specified computer name is valid, that the computer is accessible over the network, and that a firewall exception for the WinRM service is enabled.', -2144108250),
    'unreachable',
    'PC07 could not be reached over WinRM: check that the name resolves, the computer is on, and remoting is enabled there (Enable-PSRemoting) with ports 5985/5986 open in its firewall.',
    true,
  ],
  [
    'an account without administrator rights there',
    record('AccessDenied,PSSessionStateBroken', 'Connecting to remote server PC07 failed with the following error message : Access is denied. For more information, see the about_Remote_Troubleshooting Help topic.', 5),
    'access-denied',
    'PC07 refused access: connect with an account in its Administrators group, and for a local (non-domain) account set LocalAccountTokenFilterPolicy to 1 on PC07, because UAC otherwise strips administrator rights from remote sign-ins.',
    false,
  ],
  [
    'a wrong password',
    record('LogonFailure,PSSessionStateBroken', 'Connecting to remote server PC07 failed with the following error message : The user name or password is incorrect.', 1326),
    'access-denied',
    'PC07 rejected the user name or password: enter the credential for this session again.',
    false,
  ],
  [
    'a workgroup computer reached over HTTP',
    record('ServerNotTrusted,PSSessionStateBroken', 'The WinRM client cannot process the request. If the authentication scheme is different from Kerberos, or if the client computer is not joined to a domain, then HTTPS transport must be used or the destination machine must be added to the TrustedHosts configuration setting.', -2144108316),
    'trusted-hosts',
    "PC07 cannot be reached with Kerberos from here: use HTTPS (port 5986) with a credential, or add PC07 to this computer's WinRM TrustedHosts list and enter a credential.",
    false,
  ],
  [
    'an IP address with default authentication',
    record('CannotUseIPAddress,PSSessionStateBroken', 'Default authentication may be used with an IP address under the following conditions: the transport is HTTPS or the destination is in the TrustedHosts list, and explicit credentials are provided.'),
    'trusted-hosts',
    "PC07 cannot be reached with Kerberos from here: use HTTPS (port 5986) with a credential, or add PC07 to this computer's WinRM TrustedHosts list and enter a credential.",
    false,
  ],
  [
    'a host that does not answer in time',
    record('WinRMOperationTimeout,PSSessionStateBroken', 'The WS-Management service cannot complete the operation within the time specified in OperationTimeout.', -2144108250),
    'timeout',
    'PC07 did not answer in time: check that it is awake and not overloaded, then retry.',
    true,
  ],
  [
    'an error thrown inside the script on the remote computer',
    record('RuntimeException', 'The term \'Get-LocalUser\' is not recognized as the name of a cmdlet.\r\nCheck the spelling.', null, 'PC07'),
    'script-error',
    "Rekey's script failed on PC07 (The term 'Get-LocalUser' is not recognized as the name of a cmdlet.): run the preflight check for PC07, which tells whether PowerShell 5.1, the LocalAccounts module and administrator rights are there.",
    false,
  ],
];

describe('classifying a failed host', () => {
  it.each(cases)('%s', (_what, error, kind, sentence, retryable) => {
    const failure = classifyHostError(error, 'PC07');
    expect(failure.kind).toBe(kind);
    expect(failure.sentence).toBe(sentence);
    expect(failure.retryable).toBe(retryable);
    expect(failure.detail).toContain(error.fullyQualifiedErrorId);
    // One sentence: a single full stop, at the end.
    expect(failure.sentence.match(/\.(\s|$)/g)).toHaveLength(1);
  });

  it('names the host as the admin typed it, falling back to the record', () => {
    expect(classifyHostError(cases[0]![1]).host).toBe('PC07');
    expect(classifyHostError(cases[0]![1], 'pc07.contoso.local').host).toBe('pc07.contoso.local');
  });

  it('reports a host that answered as another computer', () => {
    const failure = wrongComputer('10.20.1.15', 'PARIS-FS01', 'PARIS-FS02');
    expect(failure).toMatchObject({ kind: 'wrong-computer', retryable: false });
    expect(failure.sentence).toBe('10.20.1.15 answered as PARIS-FS02, not as PARIS-FS01 where these accounts were listed, so nothing was changed: list the accounts again.');
  });

  it('reports a host that sent nothing at all', () => {
    expect(noAnswer('PC07', null)).toMatchObject({ kind: 'unreachable', sentence: 'PC07 sent no answer: check that it is reachable over WinRM, then retry.' });
    expect(noAnswer('PC07', 'reset.ps1 did not report how it ended.')).toMatchObject({ kind: 'script-error', sentence: 'reset.ps1 did not report how it ended.' });
  });
});
