import { describe, expect, it } from 'vitest';
import {
  connectionProblems,
  defaultThrottle,
  identityRef,
  parseHostList,
  remoteTarget,
  validateHostName,
  validateUserName,
} from '../../../main/windows/hosts';

describe('host names', () => {
  it.each([
    ['PC01', 'netbios', 'PC01'],
    ['  paris-fs01  ', 'netbios', 'paris-fs01'],
    ['paris-fs01.contoso.local', 'dns', 'paris-fs01.contoso.local'],
    ['paris-fs01.contoso.local.', 'dns', 'paris-fs01.contoso.local'],
    ['10.20.1.15', 'ipv4', '10.20.1.15'],
    ['fe80::1', 'ipv6', 'fe80::1'],
    ['[2001:DB8::7]', 'ipv6', '2001:db8::7'],
  ])('accepts %j as %s', (input, kind, name) => {
    expect(validateHostName(input)).toEqual({ ok: true, host: { name, kind } });
  });

  it.each([
    ['', 'The host name is empty.'],
    ['localhost', '"localhost" is this computer; use "This computer" instead of a remote host.'],
    ['ACCOUNTING-DESKTOP7', '"ACCOUNTING-DESKTOP7" is longer than the 15 characters a computer (NetBIOS) name can have; use its full DNS name.'],
    ['PC*01', '"PC*01" contains a character computer names cannot contain (\\ / : * ? " < > |).'],
    ['12345', '"12345" is only digits, which a computer name cannot be.'],
    ['-pc01', '"-pc01" may only contain letters, digits and inner hyphens to be found through DNS.'],
    ['pc 01', '"pc 01" contains a space, which no computer name can contain.'],
    ['10.0.0.256', '"10.0.0.256" is not a valid IPv4 address (four numbers from 0 to 255, without leading zeros).'],
    ['010.0.0.1', '"010.0.0.1" is not a valid IPv4 address (four numbers from 0 to 255, without leading zeros).'],
    ['255.255.255.255', '"255.255.255.255" is not the address of a single computer.'],
    ['224.0.0.1', '"224.0.0.1" is not the address of a single computer.'],
    ['bad..contoso.local', '"bad..contoso.local" has an invalid part "": each part between dots must be 1 to 63 letters, digits or inner hyphens.'],
    ['pc01.contoso.123', '"pc01.contoso.123" looks like a broken IP address.'],
    ['müller-pc.contoso.de', '"müller-pc.contoso.de" contains characters WinRM cannot resolve; use the ASCII (xn--) form of the name.'],
    [`${'a'.repeat(64)}.contoso.local`, `"${'a'.repeat(64)}.contoso.local" has an invalid part "${'a'.repeat(64)}": each part between dots must be 1 to 63 letters, digits or inner hyphens.`],
  ])('rejects %j with a sentence', (input, reason) => {
    expect(validateHostName(input)).toEqual({ ok: false, input: input.trim(), reason });
  });
});

describe('host lists and CSV files', () => {
  it('reads one host per line, skipping comments and blank lines, and reports duplicates case-insensitively', () => {
    const parsed = parseHostList('# branch offices\r\nPARIS-FS01\r\n\r\nberlin-app02.contoso.local\r\nparis-fs01\r\nBAD NAME\r\nPARIS-FS01\r\n');
    expect(parsed.hosts).toEqual([
      { name: 'PARIS-FS01', kind: 'netbios' },
      { name: 'berlin-app02.contoso.local', kind: 'dns' },
    ]);
    expect(parsed.duplicates).toEqual([{ name: 'PARIS-FS01', lines: [2, 5, 7] }]);
    expect(parsed.problems).toEqual([{ line: 6, input: 'BAD NAME', reason: '"BAD NAME" contains a space, which no computer name can contain.' }]);
  });

  it('takes the host column of an Active Directory export, with quotes and commas inside fields', () => {
    const csv = ['"Name","DNSHostName","Description"', '"PARIS-FS01","paris-fs01.contoso.local","File server, Paris"', '"BERLIN-APP02","berlin-app02.contoso.local","Apps ""prod"""'].join('\n');
    expect(parseHostList(csv).hosts.map((h) => h.name)).toEqual(['PARIS-FS01', 'BERLIN-APP02']);
  });

  it('reads the semicolon CSV Excel writes in German and French locales, by a ComputerName header', () => {
    const csv = 'Standort;ComputerName;Notiz\nBerlin;BERLIN-APP02;Drucker\nMadrid;10.30.0.7;\nLondon;;aus\n';
    const parsed = parseHostList(csv);
    expect(parsed.hosts).toEqual([
      { name: 'BERLIN-APP02', kind: 'netbios' },
      { name: '10.30.0.7', kind: 'ipv4' },
    ]);
    expect(parsed.problems).toEqual([{ line: 4, input: 'London;;aus', reason: 'This line has no host name in the host column.' }]);
  });

  it('uses the first column when there is no header', () => {
    expect(parseHostList('PARIS-FS01,Paris\nMADRID-WS07,Madrid\n').hosts.map((h) => h.name)).toEqual(['PARIS-FS01', 'MADRID-WS07']);
  });
});

describe('connecting', () => {
  const hosts = [
    { name: 'PARIS-FS01', kind: 'netbios' as const },
    { name: '10.30.0.7', kind: 'ipv4' as const },
  ];

  it('fans out 16 hosts at a time by default over HTTP with Kerberos', () => {
    expect(defaultThrottle).toBe(16);
    expect(remoteTarget({ hosts, transport: { kind: 'http' }, identity: { kind: 'current' } })).toEqual({
      hosts: ['PARIS-FS01', '10.30.0.7'],
      throttle: 16,
      useSsl: false,
      port: null,
      authentication: 'Kerberos',
      useCredential: false,
    });
  });

  it('uses HTTPS on 5986 with Negotiate, a chosen throttle within 1..128, and a non-default port', () => {
    expect(remoteTarget({ hosts, transport: { kind: 'https' }, identity: { kind: 'explicit', userName: 'x' }, throttle: 500 })).toMatchObject({
      useSsl: true,
      port: null,
      authentication: 'Negotiate',
      useCredential: true,
      throttle: 128,
    });
    expect(remoteTarget({ hosts, transport: { kind: 'https', port: 15986 }, identity: { kind: 'current' }, throttle: 4 })).toMatchObject({ port: 15986, throttle: 4 });
  });

  it('warns before sending when an IP address cannot work with the chosen sign-in', () => {
    expect(connectionProblems(hosts, { kind: 'http', authentication: 'Kerberos' }, { kind: 'current' })).toEqual([
      { host: '10.30.0.7', reason: "Kerberos cannot be used with the IP address 10.30.0.7: use the computer's DNS name, or HTTPS with Negotiate and a credential." },
    ]);
    expect(connectionProblems(hosts, { kind: 'https', authentication: 'Negotiate' }, { kind: 'current' })).toEqual([
      { host: '10.30.0.7', reason: 'Connecting to the IP address 10.30.0.7 needs an explicit credential (and HTTPS or a TrustedHosts entry).' },
    ]);
    expect(connectionProblems(hosts, { kind: 'https', authentication: 'Negotiate' }, { kind: 'explicit', userName: 'MADRID-WS07\\rekey-admin' })).toEqual([]);
  });

  it('keeps only the user name of an explicit credential in what the directory holds', () => {
    const ref = identityRef({ kind: 'explicit', userName: 'MADRID-WS07\\rekey-admin', password: 'secret' });
    expect(ref).toEqual({ kind: 'explicit', userName: 'MADRID-WS07\\rekey-admin' });
    expect(JSON.stringify(ref)).not.toContain('secret');
  });

  it.each([
    ['CONTOSO\\helpdesk.ops', null],
    ['.\\rekey-admin', null],
    ['admin@contoso.com', null],
    ['', 'Enter the user name Rekey should connect with.'],
    ['a\\b\\c', '"a\\b\\c" has more than one backslash; use DOMAIN\\user or user@domain.'],
    ['CONTOSO\\bad|name', '"CONTOSO\\bad|name" is not a valid account name.'],
  ])('user name %j', (input, problem) => {
    expect(validateUserName(input)).toBe(problem);
  });
});
