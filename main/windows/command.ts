// The exact PowerShell lines Rekey types into its session, and the reading of
// what comes back. Every line is fixed text plus ONE single-quoted base64
// literal: base64 has no quote, backtick, dollar sign or newline, so nothing a
// user, an account or a host name contains can become code. Each command is a
// single line because node-powershell feeds stdin to `-Command -`, which reads
// it statement by statement. Everything typed is ASCII, so the console input
// code page cannot matter either.
import {
  base64Pattern,
  endStatus,
  fromBase64Json,
  fromBase64Text,
  hostErrorRecord,
  type EndStatus,
  type HostErrorRecord,
  type RequestEnvelope,
  type ScriptName,
} from './protocol';

function literal(base64: string): string {
  if (!base64Pattern.test(base64)) throw new Error('Refusing to build a PowerShell command from data that is not base64.');
  return `'${base64}'`;
}

function asBase64(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64');
}

/** Load resources/powershell/session.ps1 into the session (dot-sourced, so its functions stay defined). */
export function bootstrapLine(sessionScriptText: string): string {
  return `. ([ScriptBlock]::Create([System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String(${literal(asBase64(sessionScriptText))}))))`;
}

export function registerLine(name: ScriptName, scriptText: string): string {
  return `Register-RekeyScript -Name '${name}' -Source ${literal(asBase64(scriptText))}`;
}

/** Hand a credential to the session. The line holds a secret: never log it, never put it in evidence. */
export function credentialLine(userName: string, password: string): string {
  return `Set-RekeyCredential -Data ${literal(asBase64(JSON.stringify({ userName, password })))}`;
}

export const clearCredentialLine = 'Clear-RekeyCredential';

/** Ends every request: `$?` tells whether Invoke-RekeyScript itself ran (node-powershell has no $LASTEXITCODE). */
const statusSuffix = `; [Console]::Out.WriteLine('REKEY1-STATUS ' + $?)`;

export function invokeLine(name: ScriptName, envelope: RequestEnvelope): string {
  return `Invoke-RekeyScript -Name '${name}' -Request ${literal(asBase64(JSON.stringify(envelope)))}${statusSuffix}`;
}

// --- reading the answer -----------------------------------------------------------

export interface HostReply {
  /** The host as Invoke-Command named it (PSComputerName), or "." for this computer. */
  host: string;
  /** The script's reply, parsed JSON (validated later against the script's schema). */
  reply: unknown;
}

export interface ParsedOutput {
  replies: HostReply[];
  hostErrors: HostErrorRecord[];
  /** The REKEY1-END status, when the wrapper got that far. */
  end: EndStatus | null;
  /** `$?` after Invoke-RekeyScript, when the line ran at all. */
  succeeded: boolean | null;
  /** Marker lines that could not be decoded (a protocol error, reported as evidence). */
  malformed: string[];
  /** Anything else printed on stdout (warnings, stray output), kept for evidence. */
  other: string[];
}

export function parseOutput(stdout: string): ParsedOutput {
  const parsed: ParsedOutput = { replies: [], hostErrors: [], end: null, succeeded: null, malformed: [], other: [] };
  for (const rawLine of stdout.split(/\r?\n/)) {
    const line = rawLine.trim();
    if (line === '') continue;
    const [marker, first, second] = line.split(' ');
    try {
      switch (marker) {
        case 'REKEY1-REPLY':
          if (first === undefined || second === undefined) throw new Error('incomplete reply line');
          parsed.replies.push({ host: fromBase64Text(first), reply: fromBase64Json(second) });
          break;
        case 'REKEY1-HOSTERROR':
          parsed.hostErrors.push(hostErrorRecord.parse(fromBase64Json(first ?? '')));
          break;
        case 'REKEY1-END':
          parsed.end = endStatus.parse(fromBase64Json(first ?? ''));
          break;
        case 'REKEY1-STATUS':
          parsed.succeeded = first === 'True';
          break;
        default:
          parsed.other.push(line);
      }
    } catch {
      parsed.malformed.push(line.slice(0, 200));
    }
  }
  return parsed;
}
