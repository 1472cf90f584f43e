// Remote Windows hosts: which names are valid, reading a list or CSV of them,
// how to connect (transport, credential) and how wide to fan out.
import { isIPv4, isIPv6 } from 'node:net';

export type HostNameKind = 'netbios' | 'dns' | 'ipv4' | 'ipv6';

export interface HostEntry {
  /** The name as Invoke-Command will use it (brackets removed from IPv6). */
  name: string;
  kind: HostNameKind;
}

export type HostValidation = { ok: true; host: HostEntry } | { ok: false; input: string; reason: string };

// Characters NetBIOS forbids outright; anything else that is not a letter, digit
// or hyphen may be legal NetBIOS but cannot be resolved by DNS, which WinRM uses.
const netbiosForbidden = /[\\/:*?"<>|]/;
const hostLabel = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function validateHostName(raw: string): HostValidation {
  const input = raw.trim();
  const fail = (reason: string): HostValidation => ({ ok: false, input, reason });
  if (input === '') return fail('The host name is empty.');
  if (input === '.' || /^localhost$/i.test(input) || input === '127.0.0.1' || input === '::1') {
    return fail(`"${input}" is this computer; use "This computer" instead of a remote host.`);
  }
  const unbracketed = input.startsWith('[') && input.endsWith(']') ? input.slice(1, -1) : input;
  if (isIPv6(unbracketed)) return { ok: true, host: { name: unbracketed.toLowerCase(), kind: 'ipv6' } };
  if (/^[0-9.]+$/.test(input) && input.includes('.')) {
    if (!isIPv4(input)) return fail(`"${input}" is not a valid IPv4 address (four numbers from 0 to 255, without leading zeros).`);
    const first = Number(input.split('.')[0]);
    if (first === 0 || input === '255.255.255.255' || first >= 224) return fail(`"${input}" is not the address of a single computer.`);
    return { ok: true, host: { name: input, kind: 'ipv4' } };
  }
  if (/[^\x20-\x7e]/.test(input)) return fail(`"${input}" contains characters WinRM cannot resolve; use the ASCII (xn--) form of the name.`);
  if (/\s/.test(input)) return fail(`"${input}" contains a space, which no computer name can contain.`);
  const name = input.endsWith('.') ? input.slice(0, -1) : input;
  if (!name.includes('.')) {
    if (netbiosForbidden.test(name)) return fail(`"${name}" contains a character computer names cannot contain (\\ / : * ? " < > |).`);
    if (name.length > 15) return fail(`"${name}" is longer than the 15 characters a computer (NetBIOS) name can have; use its full DNS name.`);
    if (/^[0-9]+$/.test(name)) return fail(`"${name}" is only digits, which a computer name cannot be.`);
    if (!hostLabel.test(name)) return fail(`"${name}" may only contain letters, digits and inner hyphens to be found through DNS.`);
    return { ok: true, host: { name, kind: 'netbios' } };
  }
  if (name.length > 253) return fail(`"${name}" is longer than the 253 characters a DNS name can have.`);
  const labels = name.split('.');
  const bad = labels.find((label) => !hostLabel.test(label));
  if (bad !== undefined) {
    return fail(`"${name}" has an invalid part "${bad}": each part between dots must be 1 to 63 letters, digits or inner hyphens.`);
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1] ?? '')) return fail(`"${name}" looks like a broken IP address.`);
  return { ok: true, host: { name, kind: 'dns' } };
}

export interface HostListProblem {
  /** 1-based line of the input. */
  line: number;
  input: string;
  reason: string;
}

export interface HostDuplicate {
  name: string;
  lines: number[];
}

export interface ParsedHostList {
  hosts: HostEntry[];
  problems: HostListProblem[];
  duplicates: HostDuplicate[];
}

const hostColumns = ['host', 'hostname', 'computer', 'computername', 'name', 'dnshostname', 'server', 'machine', 'address'];

/** Split one CSV record, honouring double quotes ("a ""b"""). */
function splitCsv(line: string, delimiter: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else cell += ch;
  }
  cells.push(cell);
  return cells.map((c) => c.trim());
}

/**
 * Hosts typed one per line, or a CSV export (Excel writes ";" in many European
 * locales). A header naming a host column (Name, ComputerName, DNSHostName, ...)
 * selects that column; otherwise the first column is used. "#" starts a comment.
 */
export function parseHostList(text: string): ParsedHostList {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const firstData = lines.find((l) => l.trim() !== '' && !l.trim().startsWith('#')) ?? '';
  const delimiter = firstData.includes(';') && !firstData.includes(',') ? ';' : firstData.includes(',') ? ',' : firstData.includes('\t') ? '\t' : ',';
  let column = 0;
  let headerLine = -1;
  const headerCells = splitCsv(firstData, delimiter).map((c) => c.toLowerCase().replace(/[\s_-]/g, ''));
  const named = headerCells.findIndex((c) => hostColumns.includes(c));
  if (named >= 0) {
    column = named;
    headerLine = lines.indexOf(firstData);
  }

  const result: ParsedHostList = { hosts: [], problems: [], duplicates: [] };
  const seen = new Map<string, HostDuplicate>();
  lines.forEach((raw, index) => {
    const lineNumber = index + 1;
    const trimmed = raw.trim();
    if (index === headerLine || trimmed === '' || trimmed.startsWith('#')) return;
    const cell = splitCsv(raw, delimiter)[column] ?? '';
    if (cell === '') {
      result.problems.push({ line: lineNumber, input: trimmed, reason: 'This line has no host name in the host column.' });
      return;
    }
    const checked = validateHostName(cell);
    if (!checked.ok) {
      result.problems.push({ line: lineNumber, input: checked.input, reason: checked.reason });
      return;
    }
    // Host names are case-insensitive; "PC01" and "pc01" are one computer.
    const key = checked.host.name.toLowerCase();
    const earlier = seen.get(key);
    if (earlier) {
      earlier.lines.push(lineNumber);
      return;
    }
    seen.set(key, { name: checked.host.name, lines: [lineNumber] });
    result.hosts.push(checked.host);
  });
  result.duplicates = [...seen.values()].filter((entry) => entry.lines.length > 1);
  return result;
}

// --- connecting -------------------------------------------------------------------

export type TransportKind = 'http' | 'https';
export type AuthenticationMechanism = 'Kerberos' | 'Negotiate' | 'Default';

export interface TransportOptions {
  /** WinRM over HTTP (5985, message-encrypted by Kerberos) or HTTPS (5986, TLS). */
  kind: TransportKind;
  port?: number;
  authentication?: AuthenticationMechanism;
}

export const defaultThrottle = 16;

export const defaultTransport: TransportOptions = { kind: 'http', authentication: 'Kerberos' };

/**
 * Who Rekey connects as. "current" is the Windows identity running Rekey
 * (Kerberos in a domain); "explicit" is typed in for this session only and is
 * never saved: it lives in memory and in the PowerShell process, nowhere else.
 */
export type ConnectionIdentity = { kind: 'current' } | { kind: 'explicit'; userName: string; password: string };

/** Who Rekey connects as, without the secret: what the directory keeps. */
export type IdentityRef = { kind: 'current' } | { kind: 'explicit'; userName: string };

export function identityRef(identity: ConnectionIdentity): IdentityRef {
  return identity.kind === 'current' ? { kind: 'current' } : { kind: 'explicit', userName: identity.userName };
}

export function describeIdentity(identity: IdentityRef): string {
  return identity.kind === 'current' ? 'the current Windows identity' : identity.userName;
}

/** Accepts user, DOMAIN\user, .\user, HOST\user and user@domain.example. */
export function validateUserName(userName: string): string | null {
  const value = userName.trim();
  if (value === '') return 'Enter the user name Rekey should connect with.';
  const parts = value.split('\\');
  if (parts.length > 2) return `"${value}" has more than one backslash; use DOMAIN\\user or user@domain.`;
  const account = parts[parts.length - 1] ?? '';
  if (account === '' || /["/[\]:;|=,+*?<>]/.test(account.split('@')[0] ?? '')) return `"${value}" is not a valid account name.`;
  return null;
}

export interface ConnectionProblem {
  host: string;
  reason: string;
}

/** Combinations WinRM will refuse, told before anything is sent. */
export function connectionProblems(hosts: HostEntry[], transport: TransportOptions, identity: IdentityRef): ConnectionProblem[] {
  const problems: ConnectionProblem[] = [];
  for (const host of hosts) {
    const isAddress = host.kind === 'ipv4' || host.kind === 'ipv6';
    if (isAddress && (transport.authentication ?? 'Kerberos') === 'Kerberos') {
      problems.push({ host: host.name, reason: `Kerberos cannot be used with the IP address ${host.name}: use the computer's DNS name, or HTTPS with Negotiate and a credential.` });
    } else if (isAddress && identity.kind === 'current') {
      problems.push({ host: host.name, reason: `Connecting to the IP address ${host.name} needs an explicit credential (and HTTPS or a TrustedHosts entry).` });
    }
  }
  return problems;
}

export interface RemoteSettings {
  hosts: HostEntry[];
  transport: TransportOptions;
  identity: IdentityRef;
  throttle?: number;
}

/** The connection part of a request: what Invoke-Command receives besides the script. */
export function remoteTarget(settings: RemoteSettings, hosts: string[] = settings.hosts.map((h) => h.name)) {
  const https = settings.transport.kind === 'https';
  const defaultPort = https ? 5986 : 5985;
  const throttle = Math.max(1, Math.min(128, Math.floor(settings.throttle ?? defaultThrottle)));
  return {
    hosts,
    throttle,
    useSsl: https,
    port: settings.transport.port !== undefined && settings.transport.port !== defaultPort ? settings.transport.port : null,
    authentication: settings.transport.authentication ?? (https ? 'Negotiate' : 'Kerberos'),
    useCredential: settings.identity.kind === 'explicit',
  };
}
