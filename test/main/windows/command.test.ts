// What Rekey types into PowerShell never depends on account names: the line
// for a batch is fixed text plus one base64 literal, for any names at all.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bootstrapLine, credentialLine, invokeLine, parseOutput, registerLine } from '../../../main/windows/command';
import type { EngineOutput, PowerShellEngine } from '../../../main/windows/engine';
import { fromBase64Json, type RequestEnvelope, type ResetRequestItem } from '../../../main/windows/protocol';
import { PowerShellSession } from '../../../main/windows/session';
import { powerShellSyntaxProblems, stringLiterals } from '../../support/powershell-parse';

/** Answers every line as the real session.ps1 would for an empty run, and remembers what it was sent. */
class RecordingEngine implements PowerShellEngine {
  readonly commands: string[] = [];
  async invoke(command: string): Promise<EngineOutput> {
    this.commands.push(command);
    const end = Buffer.from(JSON.stringify({ ok: true, errors: [] })).toString('base64');
    return { hadErrors: false, stdout: command.startsWith('Invoke-RekeyScript') ? `REKEY1-END ${end}\r\nREKEY1-STATUS True\r\n` : '', stderr: '' };
  }
  async dispose(): Promise<void> {}
}

const sources = {
  session: '# session\nfunction Invoke-RekeyScript { }',
  scripts: { list: '# list', reset: '# reset', 'read-state': '# read-state', preflight: '# preflight' },
};

// Characters Windows forbids in a SAM account name (plus @, which the brief excludes from generated names).
const forbidden = /["/\\[\]:;|=,+*?<>@]/;

/** Arbitrary legal account names: up to 20 characters, PowerShell-hostile characters very much included. */
const accountName = fc
  .string({
    unit: fc.oneof(
      fc.constantFrom('$', '(', ')', '`', "'", '‘', '’', '“', '”', '{', '}', '&', '#', '-', '.', ' ', '%', '!', '~', '^'),
      fc.constantFrom(...'abcxyzABCXYZ0189_'.split('')),
      fc.integer({ min: 0xa0, max: 0x2fff }).map((code) => String.fromCodePoint(code)),
    ),
    minLength: 1,
    maxLength: 20,
  })
  .filter((name) => !forbidden.test(name) && !/^[. ]+$/.test(name));

const batch = fc.array(
  fc.record({ name: accountName, rid: fc.integer({ min: 1000, max: 99999 }) }),
  { minLength: 1, maxLength: 8 },
);

async function resetLine(accounts: { name: string; rid: number }[]): Promise<{ line: string; items: ResetRequestItem[] }> {
  const engine = new RecordingEngine();
  const session = new PowerShellSession({ createEngine: () => engine, sources });
  const items = accounts.map((a) => ({ sid: `S-1-5-21-1-2-3-${a.rid}`, name: a.name, steps: ['clear-never-expires', 'force-change'] }));
  const outcome = await session.run('reset', { v: 1, options: { clearNeverExpires: true }, targets: [{ computerName: 'PC01', items }] }, null);
  expect(outcome.status).toBe('ok');
  const line = engine.commands.find((c) => c.startsWith('Invoke-RekeyScript'));
  if (!line) throw new Error('no request was sent');
  return { line, items };
}

/** The data literal: the argument of -Request. */
const base64Literal = /(?<=-Request )'[A-Za-z0-9+/]*={0,2}'/;

function withoutData(line: string): string {
  // Every quoted literal other than the data must be one of the fixed ones.
  const fixed = line.replace(base64Literal, "'<data>'");
  expect(fixed.match(/'[^']*'/g)).toEqual(["'reset'", "'<data>'", "'REKEY1-STATUS '"]);
  return fixed;
}

function decodedItems(line: string): ResetRequestItem[] {
  const literal = line.match(base64Literal)?.[0].slice(1, -1) ?? '';
  const envelope = fromBase64Json(literal) as RequestEnvelope;
  const payload = fromBase64Json(envelope.payload) as { targets: { items: ResetRequestItem[] }[] };
  return payload.targets[0]?.items ?? [];
}

describe('the command sent for a batch', () => {
  it('is the same PowerShell source for any two batches, apart from the base64 data literal', async () => {
    await fc.assert(
      fc.asyncProperty(batch, batch, async (first, second) => {
        const a = await resetLine(first);
        const b = await resetLine(second);
        expect(withoutData(a.line)).toBe(withoutData(b.line));
        expect(withoutData(a.line)).toBe(`Invoke-RekeyScript -Name 'reset' -Request '<data>'; [Console]::Out.WriteLine('REKEY1-STATUS ' + $?)`);
        // The names travel as data, exactly.
        expect(decodedItems(a.line)).toEqual(a.items);
        expect(decodedItems(b.line)).toEqual(b.items);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps hostile names out of the command text and returns them intact as data', async () => {
    const hostile = ['$(calc)', "a'b", 'a`b', '‘curly’', '“quoted”', '${env:PATH}', '; Remove-Item x', 'ŻółćĘśŃąłĆżźŹÓęĄ€漢字Ω'];
    expect(hostile.at(-1)).toHaveLength(20);
    const { line } = await resetLine(hostile.map((name, i) => ({ name, rid: 1000 + i })));
    for (const name of hostile) expect(line).not.toContain(name);
    for (const fragment of ['$(', '`', '‘', '’', '“', '”', 'calc', 'Remove-Item', 'env:']) expect(line).not.toContain(fragment);
    expect(decodedItems(line).map((i) => i.name)).toEqual(hostile);
    // The grammar sees exactly three string literals: the script name, the data and the status marker.
    expect(await powerShellSyntaxProblems(line)).toEqual([]);
    const literals = await stringLiterals(line);
    expect(literals).toHaveLength(3);
    expect(literals[0]).toBe("'reset'");
    expect(literals[2]).toBe("'REKEY1-STATUS '");
  });

  it('loads the scripts and the credential as base64 too, each on a single line that parses', async () => {
    const lines = [
      bootstrapLine('function Invoke-RekeyScript {\n  param([string]$Name)\n  "$Name"\n}\n'),
      registerLine('reset', "param([string]$Payload)\n'it''s' + \"`$x\"\n"),
      credentialLine("CONTOSO\\o'brien", 'p@ss $(word)`'),
    ];
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(await powerShellSyntaxProblems(line)).toEqual([]);
    }
    expect(lines[2]).not.toContain('word');
    expect(lines[2]).not.toContain("o'brien");
  });

  it('invokeLine puts the whole envelope in the literal', () => {
    const envelope: RequestEnvelope = { hosts: ['PC01'], throttle: 16, useSsl: true, port: null, authentication: 'Negotiate', useCredential: true, payload: 'e30=' };
    const line = invokeLine('list', envelope);
    const literal = line.match(base64Literal)?.[0].slice(1, -1) ?? '';
    expect(fromBase64Json(literal)).toEqual(envelope);
  });
});

describe('reading what the session printed', () => {
  const b64 = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64');

  it('sorts replies, host errors, the end status and $? apart, and keeps the rest as evidence', () => {
    const error = { targetObject: 'PC02', originComputer: null, fullyQualifiedErrorId: 'CannotConnect,PSSessionStateBroken', category: 'OpenError', reason: 'PSRemotingTransportException', errorCode: -2144108250, message: 'WinRM cannot complete the operation.' };
    const stdout = [
      `REKEY1-REPLY ${b64('PC01')} ${b64({ v: 1, hello: 'Zoë' })}`,
      `REKEY1-HOSTERROR ${b64(error)}`,
      'WARNING: something PowerShell wanted to say',
      'REKEY1-REPLY broken',
      `REKEY1-END ${b64({ ok: true, errors: [] })}`,
      'REKEY1-STATUS True',
      '',
    ].join('\r\n');
    const parsed = parseOutput(stdout);
    expect(parsed.replies).toEqual([{ host: 'PC01', reply: { v: 1, hello: 'Zoë' } }]);
    expect(parsed.hostErrors).toEqual([error]);
    expect(parsed.end).toEqual({ ok: true, errors: [] });
    expect(parsed.succeeded).toBe(true);
    expect(parsed.other).toEqual(['WARNING: something PowerShell wanted to say']);
    expect(parsed.malformed).toEqual(['REKEY1-REPLY broken']);
  });

  it('reports $? False and a missing end line', () => {
    const parsed = parseOutput('REKEY1-STATUS False\n');
    expect(parsed.succeeded).toBe(false);
    expect(parsed.end).toBeNull();
  });
});
