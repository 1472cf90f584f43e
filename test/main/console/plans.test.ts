// plan.create for each selection kind, exclusion previews from the snapshot,
// the kept-plans bound and the plan export.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Plan } from '../../../main/core/domain';
import { PlanStore } from '../../../main/console/plans';
import { makeAccount, ScriptedDirectory } from '../core/fakes';
import { keysOf, testConsole, type TestConsole } from './support';

const entraAccounts = [
  makeAccount({ directoryId: 'entra:contoso', login: 'adele@contoso.example', displayName: 'Adele Vance' }),
  makeAccount({ directoryId: 'entra:contoso', login: 'svc-backup@contoso.example', displayName: 'Backup service' }),
  makeAccount({ directoryId: 'entra:contoso', login: 'megan@contoso.example', displayName: 'Megan Bowen', privileged: true }),
];
const oktaAccounts = [
  makeAccount({ directoryId: 'okta:fabrikam', kind: 'okta', login: 'isaac@fabrikam.example', displayName: 'Isaac Brock' }),
  makeAccount({ directoryId: 'okta:fabrikam', kind: 'okta', login: 'adele@fabrikam.example', displayName: 'Adele (Okta)', enabled: false }),
];
const entra = new ScriptedDirectory('entra:contoso', entraAccounts, undefined, undefined, undefined, undefined, 'Contoso');
const okta = new ScriptedDirectory('okta:fabrikam', oktaAccounts, undefined, undefined, undefined, undefined, 'Fabrikam');

let desk: TestConsole;
beforeEach(async () => {
  desk = await testConsole(() => [entra, okta]);
});
afterEach(() => desk.close());

describe('plan.create', () => {
  it('plans the accounts picked in the grid by key, and reports a key the listing no longer has', async () => {
    const keys = [...keysOf([entraAccounts[0]!, oktaAccounts[0]!]), 'entra:contoso|gone'];
    const plan = await desk.plans.create({ selection: { by: 'keys', keys }, exclusionSets: [] });
    expect(plan.entries.map((e) => e.account.login)).toEqual(['adele@contoso.example', 'isaac@fabrikam.example']);
    expect(plan.selection).toBe('2 accounts picked in the list (Contoso, Fabrikam)');
    expect(plan.selectionProblems).toEqual([{ line: null, reason: 'unknown-account', message: expect.stringContaining('entra:contoso|gone is not in the current account listing') }]);
    expect(plan.summary.selectionProblems).toBe(1);
    expect(desk.plans.get(plan.id)).toBe(plan);
  });

  it('plans a search, limited to the named directories', async () => {
    const plan = await desk.plans.create({ selection: { by: 'search', search: 'adele', directoryIds: ['okta:fabrikam'] }, exclusionSets: [] });
    expect(plan.entries.map((e) => e.key)).toEqual(keysOf([oktaAccounts[1]!]));
    expect(plan.selection).toBe('accounts matching "adele" in Fabrikam');
  });

  it('plans "all" with the chosen exclusion sets and options, each exclusion with its reason', async () => {
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: ['Service accounts', 'Disabled accounts'], options: { endSessions: false } });
    expect(plan.summary).toMatchObject({ selected: 5, excluded: 2, planned: 3 });
    expect(plan.excluded.map((e) => [e.account.login, e.exclusion.setName])).toEqual([
      ['svc-backup@contoso.example', 'Service accounts'],
      ['adele@fabrikam.example', 'Disabled accounts'],
    ]);
    expect(plan.options.endSessions).toBe(false);
    expect(plan.entries.every((e) => e.steps.every((s) => s.step !== 'end-sessions'))).toBe(true);
    // The default approval rules: a privileged account needs its name typed.
    expect(plan.entries.find((e) => e.account.login === 'megan@contoso.example')?.approval.decision).toBe('typed-confirm');
  });

  it('plans a CSV file, with its problems', async () => {
    const text = 'directory;upn\r\nContoso;MEGAN@contoso.example\r\nFabrikam;nobody@fabrikam.example\r\n';
    const plan = await desk.plans.create({ selection: { by: 'csv', fileName: 'incident.csv', text }, exclusionSets: [] });
    expect(plan.entries.map((e) => e.account.login)).toEqual(['megan@contoso.example']);
    expect(plan.selection).toBe('accounts listed in incident.csv');
    expect(plan.selectionProblems.map((p) => [p.line, p.reason])).toEqual([[3, 'unknown-account']]);
  });

  it('refuses an exclusion set that is not saved, naming the saved ones', async () => {
    await expect(desk.plans.create({ selection: { by: 'all' }, exclusionSets: ['Nope'] })).rejects.toThrow(/No saved exclusion set is called "Nope" \(saved: "Break-glass", "Service accounts", "Disabled accounts"\)/);
  });
});

describe('plan.previewExclusions', () => {
  it('says which picked accounts the sets keep out and why, from the listing alone', async () => {
    await desk.snapshots.complete();
    const listing = vi.spyOn(entra, 'listAccounts');
    const preview = await desk.plans.previewExclusions(keysOf([...entraAccounts, ...oktaAccounts]), ['Service accounts']);
    expect(preview.selected).toBe(5);
    expect(preview.excluded.map((e) => [e.account.login, e.exclusion.reason])).toEqual([
      ['svc-backup@contoso.example', 'Excluded by "Service accounts": looks like a service account (login matches "svc-*").'],
    ]);
    expect(listing).not.toHaveBeenCalled();
    listing.mockRestore();
  });
});

describe('plan.export and the kept plans', () => {
  it('exports a kept plan as JSON that reads back to the same plan', async () => {
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: [] });
    const file = desk.plans.export(plan.id);
    expect(file.fileName).toBe(`rekey-${plan.id}.json`);
    expect(file.mimeType).toBe('application/json');
    expect(JSON.parse(file.content)).toEqual(JSON.parse(JSON.stringify(plan)));
  });

  it('forgets the oldest plans past its bound, with a sentence for a forgotten one', () => {
    const store = new PlanStore(2);
    const plan = (id: string) => ({ id }) as Plan;
    store.remember(plan('plan-a'));
    store.remember(plan('plan-b'));
    store.remember(plan('plan-c'));
    expect(store.get('plan-c').id).toBe('plan-c');
    expect(() => store.get('plan-a')).toThrow('Plan plan-a is no longer available (Rekey keeps the last 2 plans while it runs); make the plan again.');
  });
});
