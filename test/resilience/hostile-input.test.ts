// Hostile data from the directories themselves, through the whole flow:
//   - Windows account names built to break a script (subexpressions,
//     quotes, backticks, right-to-left overrides, option-like names): listed,
//     imported by CSV, planned, reset and verified on the simulated computer,
//     and never once pasted into a line PowerShell parses;
//   - Okta and Graph user ids with path characters ("..", "/", "?", "#",
//     "%2e", "me"): each reset reaches exactly its own user or is refused
//     with a sentence before anything is sent; no other user changes.
import { afterAll, describe, expect, it } from 'vitest';
import { collectAccounts, type Account } from '../../main/core/domain';
import { auditRun, trackEffects } from './harness/audit';
import { entraEffects, plainEntraUsers, startEntraPractice } from './harness/entra';
import { fileFlow, planAndRun, selectionOf } from './harness/flow';
import { oktaEffects, signedInBeforeIncident, startOktaPractice } from './harness/okta';
import { hostSeed, startWindowsPractice, windowsEffects } from './harness/windows';

const cleanup: Array<() => Promise<void>> = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step();
});

/** Valid SAM names (1-20 characters, none of "/\[]:;|=,+*?<>) that a script pasting them would run. */
const hostileNames = [
  '$(calc)',
  '`whoami`',
  "a'b",
  "o''brien",
  '@{x}',
  '%USERNAME%',
  'x & calc',
  '\u202etxt.exe',
  '名前テスト',
  '-Force',
  '--%',
  '#comment',
  "'&exit&'",
  '$null',
  'x`ny',
  'Zoë Łukasz',
  '{0}%s%n',
  '..x',
];

describe('hostile account names through the whole Windows path', () => {
  it('are listed, imported, reset and verified exactly, and reach PowerShell only inside base64', async () => {
    const practice = await startWindowsPractice({ hosts: [hostSeed('PARIS-FS01', 'S-1-5-21-2875460203-1234419751-3219874415', hostileNames)] });
    cleanup.push(() => practice.dispose());
    const flow = await fileFlow({ directories: [practice.directory] });
    cleanup.push(() => flow.dispose());

    const listed = (await collectAccounts(practice.directory, {})).filter((a) => (a.attributes.rid ?? 0) >= 1000);
    expect(listed.map((a) => a.login)).toEqual(hostileNames);
    const effects = trackEffects(listed, windowsEffects(practice.network));

    // Named in a CSV file (quoted where CSV needs it), the way an incident list arrives.
    const csv = ['directory,sam', ...hostileNames.map((name) => `windows,"PARIS-FS01\\${name.replace(/"/g, '""')}"`)].join('\r\n');
    const selection = await flow.flow.select({ by: 'csv', fileName: 'incident.csv', text: csv });
    expect(selection.problems).toEqual([]);
    expect(selection.accounts.map((a) => a.login)).toEqual(hostileNames);

    const run = await planAndRun(flow.flow, selection);
    const audit = await auditRun({ journals: flow.journals, runId: run.runId, effects, events: run.events, failedMeansUnchanged: true });
    expect(audit.problems).toEqual([]);
    expect(audit.counts).toEqual({ verified: hostileNames.length });
    // Each flagged once, under its own name, and nothing else on the computer touched.
    const operations = practice.network.resolve('PARIS-FS01')!.sam.operations;
    expect(operations.map((o) => o.name).sort()).toEqual([...hostileNames].sort());
    // The journal keeps the names verbatim.
    expect([...audit.run.accounts.values()].map((s) => s.entry?.account.login)).toEqual(hostileNames);
    // What PowerShell parsed never contained a name: data travels as base64 JSON only.
    const typed = practice.network.typed.join('\n');
    for (const name of hostileNames) expect(typed.includes(name), name).toBe(false);
    expect(practice.network.typed.filter((line) => line.startsWith('Invoke-RekeyScript')).every((line) => /^Invoke-RekeyScript -Name '[a-z-]+' -Request '[A-Za-z0-9+/=]*'; /.test(line))).toBe(true);
  });
});

/** The stand-in's users whose effect changed although they were not in the run. */
function bystandersChanged(all: Account[], chosen: Account[], effects: ReturnType<typeof trackEffects>): string[] {
  const inRun = new Set(chosen.map((a) => a.id));
  return all.filter((a) => !inRun.has(a.id)).flatMap((a) => (['force-change', 'end-sessions'] as const).filter((step) => effects.holds(a, step) !== effects.before(a, step)).map((step) => `${a.login}: ${step}`));
}

describe('user ids with path characters', () => {
  it('Okta: each reset reaches exactly its own user; ".", ".." and "me" are refused before anything is sent', async () => {
    const practice = await startOktaPractice({ users: 40 });
    cleanup.push(() => practice.close());
    const template = [...practice.standIn.state.users.values()].find((u) => u.status === 'ACTIVE' && u.provider.type === 'OKTA' && practice.standIn.state.rolesOfUser(u.id).length === 0)!;
    const ids = ['..', '.', 'me', '00u/slash', '00u?q=1', '00u#frag', '00u%2e%2e', '00u%', '00u with space', '00u\u202eevil', '00u..%2F..'];
    ids.forEach((id, i) => practice.standIn.state.addUser({ ...structuredClone(template), id, profile: { ...template.profile, login: `odd${i}@example.com`, email: `odd${i}@example.com` } }));
    const all = await collectAccounts(practice.directory, {});
    const chosen = all.filter((a) => ids.includes(a.id));
    expect(chosen.map((a) => a.id).sort()).toEqual([...ids].sort());
    signedInBeforeIncident(practice.standIn, all);
    const effects = trackEffects(all, oktaEffects(practice.standIn));
    const flow = await fileFlow({ directories: [practice.directory] });
    cleanup.push(() => flow.dispose());
    const writesBefore = practice.exchanges.length;

    const run = await planAndRun(flow.flow, selectionOf(chosen));
    const audit = await auditRun({ journals: flow.journals, runId: run.runId, effects, events: run.events, failedMeansUnchanged: true });
    expect(audit.problems).toEqual([]);
    const refused = ['..', '.', 'me'];
    for (const account of chosen) {
      const state = audit.run.accounts.get(`${account.directoryId}|${account.id}`)!;
      if (refused.includes(account.id)) {
        expect(audit.finalStates.get(state.key)).toBe('failed');
        expect(state.steps.get('force-change')?.message).toMatch(/^odd\d+@example\.com has the id ".*", which Okta would not read as this user's id/);
      } else {
        expect(audit.finalStates.get(state.key), account.id).toBe('verified');
      }
    }
    expect(bystandersChanged(all, chosen, effects)).toEqual([]);
    // Every write addressed one user, by one encoded path segment.
    const writes = practice.exchanges.slice(writesBefore).filter((e) => e.method !== 'GET' && e.path !== '/oauth2/v1/token');
    expect(writes.length).toBe(2 * (ids.length - refused.length));
    for (const write of writes) expect(write.path).toMatch(/^\/api\/v1\/users\/[^/]+\/(lifecycle\/expire_password|sessions)$/);
  });

  it('Graph: each reset reaches exactly its own user, whatever its id holds', async () => {
    const practice = await startEntraPractice({ users: 40, timeScale: 0.001 });
    cleanup.push(() => practice.close());
    const template = practice.standIn.state.users.get(plainEntraUsers(practice.accounts)[0]!.id)!;
    const ids = ['..', '.', 'a/b', 'a?b=1', 'a#b', 'a%2e%2e', 'a%', 'a b', 'me', 'x/revokeSignInSessions', '$batch'];
    ids.forEach((id, i) => practice.standIn.state.addUser({ ...structuredClone(template), id, userPrincipalName: `odd${i}@${practice.standIn.tenantDomain}`, mail: null }));
    const all = await collectAccounts(practice.directory, {});
    const chosen = all.filter((a) => ids.includes(a.id));
    expect(chosen.map((a) => a.id).sort()).toEqual([...ids].sort());
    const effects = trackEffects(all, entraEffects(practice.standIn, Date.now() - 1));
    const flow = await fileFlow({ directories: [practice.directory] });
    cleanup.push(() => flow.dispose());

    const run = await planAndRun(flow.flow, selectionOf(chosen));
    const audit = await auditRun({ journals: flow.journals, runId: run.runId, effects, events: run.events, failedMeansUnchanged: true });
    expect(audit.problems).toEqual([]);
    expect(audit.counts).toEqual({ verified: ids.length });
    expect(bystandersChanged(all, chosen, effects)).toEqual([]);
  });
});
