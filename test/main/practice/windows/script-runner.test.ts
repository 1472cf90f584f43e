// The practice host must answer like reset.ps1 does. Every sentence the
// simulation produces must be one reset.ps1 can produce (read from the script
// itself), and every sentence of reset.ps1 must be reachable in the
// simulation, except the few that need a Windows misbehaviour it does not model.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../../main/core/ports';
import { SamDatabase, type MachineSeed } from '../../../../main/practice/windows/sam';
import { runReset, type RunContext } from '../../../../main/practice/windows/script-runner';
import type { ResetRequestItem } from '../../../../main/windows/protocol';

const clock: Clock = { now: () => Date.UTC(2026, 10, 21, 19, 0, 0), sleep: async () => undefined };
const machineSid = 'S-1-5-21-10-20-30';

const seed: MachineSeed = {
  computerName: 'PC01',
  culture: 'en-US',
  machineSid,
  utcOffsetMinutes: 0,
  maxPasswordAgeDays: 42,
  minPasswordAgeDays: 0,
  accounts: [
    { name: 'plain', rid: 1001 },
    { name: 'service', rid: 1002, neverExpires: true },
    { name: 'flagged', rid: 1003, passwordAgeDays: null },
    { name: 'noadsi', rid: 1004 },
    { name: 'denied', rid: 1005 },
    { name: 'msa', rid: 1006, principalSource: 'MicrosoftAccount' },
    { name: 'me', rid: 1007 },
  ],
};

/** Turn the PowerShell strings passed as a step message in reset.ps1 into patterns. */
function scriptMessagePatterns(): { source: string; pattern: RegExp }[] {
  const text = readFileSync(join(process.cwd(), 'resources', 'powershell', 'reset.ps1'), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(/(?:-Message|Message =) (?:"((?:[^"`]|`.)*)"|'((?:[^']|'')*)')/g)) {
    found.push(match[1] !== undefined ? match[1] : (match[2] ?? '').replace(/''/g, "'"));
  }
  return found.map((source) => {
    const parts = source.split(/(\$\((?:[^()]|\([^()]*\))*\)|\$\{?[A-Za-z_][A-Za-z0-9_]*\}?)/);
    const body = parts.map((part, i) => (i % 2 === 1 ? '.*?' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))).join('');
    return { source, pattern: new RegExp(`^${body}$`) };
  });
}

const sid = (rid: number) => `${machineSid}-${rid}`;
const item = (name: string, rid: number, steps: string[]): ResetRequestItem => ({ sid: sid(rid), name, steps });

function simulatedMessages(): string[] {
  const messages: string[] = [];
  const run = (items: ResetRequestItem[], context: Partial<RunContext> = {}) => {
    const sam = new SamDatabase(seed, clock);
    sam.injectFault('noadsi', { adsiUnavailable: true });
    sam.injectFault('denied', { writesDenied: true });
    const reply = runReset(sam, { targets: [{ computerName: 'PC01', items }] }, { remote: true, caller: { name: 'PC01\\me', sid: sid(1007) }, elevated: true, ...context });
    for (const i of reply.items) for (const s of i.steps) messages.push(s.message);
  };
  run([
    item('plain', 1001, ['clear-never-expires', 'force-change', 'end-sessions', 'rotate-keys']),
    item('service', 1002, ['force-change', 'clear-never-expires', 'force-change']),
    item('flagged', 1003, ['force-change']),
    item('noadsi', 1004, ['force-change']),
    item('denied', 1005, ['force-change']),
    item('msa', 1006, ['force-change']),
    item('me', 1007, ['force-change']),
    item('ghost', 4242, ['force-change']),
    item('renamed', 1001, ['force-change']),
    item('a*b', 1001, ['force-change']),
  ]);
  run([item('service', 1002, ['clear-never-expires'])], { elevated: false });
  return messages;
}

// Sentences that need Windows to misbehave in a way the simulation does not model.
const notSimulated = [
  "Windows kept 'Password never expires' on after the change was saved",
  'Windows saved the change but still reports that the password need not be changed',
  'net user reported success but Windows still reports',
  'The account could not be checked, so nothing was changed',
];

describe('the simulated reset.ps1', () => {
  const patterns = scriptMessagePatterns();
  const messages = simulatedMessages();

  it('finds the sentences in reset.ps1', () => {
    expect(patterns.length).toBeGreaterThanOrEqual(18);
  });

  it('only says what reset.ps1 can say', () => {
    for (const message of messages) {
      expect(patterns.some((p) => p.pattern.test(message)), message).toBe(true);
    }
  });

  it('can say everything reset.ps1 says, apart from the Windows misbehaviours it does not model', () => {
    const unreached = patterns.filter((p) => !messages.some((m) => p.pattern.test(m))).map((p) => p.source);
    expect(unreached.sort()).toEqual(patterns.filter((p) => notSimulated.some((n) => p.source.startsWith(n))).map((p) => p.source).sort());
    expect(unreached).toHaveLength(notSimulated.length);
  });

  it('does the steps in the order asked and refuses before touching anything', () => {
    const sam = new SamDatabase(seed, clock);
    runReset(sam, { targets: [{ computerName: 'PC01', items: [item('service', 1002, ['clear-never-expires', 'force-change']), item('me', 1007, ['force-change'])] }] }, { remote: true, caller: { name: 'PC01\\me', sid: sid(1007) }, elevated: true });
    expect(sam.operations.map((o) => `${o.name}:${o.what}`)).toEqual(['service:clear-never-expires', 'service:set-password-expired']);
  });

  it('does nothing when the request names another computer', () => {
    const sam = new SamDatabase(seed, clock);
    const reply = runReset(sam, { targets: [{ computerName: 'PC02', items: [item('plain', 1001, ['force-change'])] }] }, { remote: true, caller: { name: 'x', sid: 'S-1-5-21-9-9-9-1' }, elevated: true });
    expect(reply).toEqual({ v: 1, computerName: 'PC01', matched: false, items: [] });
    expect(sam.operations).toEqual([]);
  });
});
