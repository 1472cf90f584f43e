import { describe, expect, it } from 'vitest';
import { accountKey, defaultResetOptions, type Account, type Directory } from '../../../main/core/domain';
import { defaultApprovalRules } from '../../../main/core/policy';
import { buildPlan, genericWarnings, planToJson, type PlanInput } from '../../../main/core/plan';
import { createSampleDirectories } from '../../../main/practice/sample-directory';
import { ENTRA_ID, OKTA_ID, WINDOWS_ID } from '../../../main/practice/sample-population';
import { selectAll } from '../../../main/core/selection';
import { makeAccount, ScriptedDirectory } from './fakes';

const directories = createSampleDirectories();

async function planAll(overrides: Partial<PlanInput> = {}) {
  const selection = await selectAll(directories);
  return buildPlan({
    id: 'plan-1',
    createdAt: '2026-05-04T09:00:00.000Z',
    createdBy: 'alice',
    selection,
    directories,
    options: defaultResetOptions,
    savedSets: [{ name: 'Service', tags: ['service'], rules: [{ id: 'svc', type: 'service-account', patterns: ['svc-*', '*_svc'] }] }],
    chosenSets: [],
    approvalRules: defaultApprovalRules,
    ...overrides,
  });
}

const find = (plan: Awaited<ReturnType<typeof planAll>>, directoryId: string, login: string) => plan.entries.find((e) => e.account.directoryId === directoryId && e.account.login === login);

describe('the plan', () => {
  it('is deep-frozen and survives JSON unchanged', async () => {
    const plan = await planAll();
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.entries[0]!.account.attributes)).toBe(true);
    expect(() => {
      (plan.entries as unknown as unknown[]).push({});
    }).toThrow();
    expect(JSON.parse(planToJson(plan))).toEqual(plan);
  });

  it('does not share objects with the directory (freezing the plan must not freeze the directory)', async () => {
    const account = makeAccount();
    const dir = new ScriptedDirectory('entra:test', [account]);
    await buildPlan({ id: 'p', createdAt: 'now', createdBy: 'a', selection: { accounts: [account], problems: [], description: 'd' }, directories: [dir], options: defaultResetOptions, savedSets: [], chosenSets: [], approvalRules: [] });
    expect(Object.isFrozen(account)).toBe(false);
  });

  it('puts every selected account in exactly one place, excluded ones with their rule', async () => {
    const plan = await planAll({ chosenSets: ['Service'] });
    const selected = (await selectAll(directories)).accounts.map(accountKey);
    const placed = [...plan.entries.map((e) => e.key), ...plan.excluded.map((e) => e.key)];
    expect(placed.sort()).toEqual([...selected].sort());
    const svc = plan.excluded.find((e) => e.account.login === 'svc-backup');
    expect(svc?.exclusion).toMatchObject({ setName: 'Service', rule: { id: 'svc' } });
    expect(plan.summary).toMatchObject({ selected: selected.length, excluded: plan.excluded.length, planned: plan.entries.length });
  });

  it('adds the generic warnings and the approvals', async () => {
    const plan = await planAll();
    const synced = find(plan, ENTRA_ID, 'alex.wilber@contoso-practice.onmicrosoft.com')!;
    expect(synced.warnings.map((w) => w.kind)).toContain('synced-password-on-premises');
    expect(synced.steps.find((s) => s.step === 'force-change')?.applicable).toBe(false);
    expect(synced.steps.find((s) => s.step === 'end-sessions')?.applicable).toBe(true);
    expect(find(plan, WINDOWS_ID, 'svc-backup')!.warnings.map((w) => w.kind)).toContain('never-expires-will-be-cleared');
    expect(find(plan, OKTA_ID, 'suspended.contractor@fabrikam.example')!.warnings.map((w) => w.kind)).toContain('disabled-flag-applies-when-enabled');
    const guest = plan.entries.find((e) => e.account.attributes.guest)!;
    expect(guest.warnings.map((w) => w.kind)).toContain('guest-sessions-not-revocable');
    expect(find(plan, WINDOWS_ID, 'Administrateur')!.approval.decision).toBe('typed-confirm');
    expect(find(plan, ENTRA_ID, 'adm-patti@contoso-practice.onmicrosoft.com')!.approval.decision).toBe('typed-confirm');
    expect(find(plan, OKTA_ID, 'adele.vance@fabrikam.example')!.approval).toEqual({ decision: 'confirm', ruleId: null, reason: expect.any(String) });
    expect(plan.summary.byDecision['typed-confirm']).toBe(plan.entries.filter((e) => e.approval.decision === 'typed-confirm').length);
  });

  it('does not repeat a warning the directory already gave', () => {
    const account = makeAccount({ enabled: false, attributes: { neverExpires: true } });
    const warnings = genericWarnings(account, [{ step: 'force-change', applicable: true, description: '' }], { ...defaultResetOptions, clearNeverExpires: false });
    expect(warnings.map((w) => w.kind)).toEqual(['never-expires-blocks-flag', 'disabled-flag-applies-when-enabled']);
  });

  it('keeps only the steps the options ask for', async () => {
    const plan = await planAll({ options: { ...defaultResetOptions, endSessions: false } });
    expect(plan.entries.every((e) => e.steps.every((s) => s.step !== 'end-sessions'))).toBe(true);
    expect(plan.summary.byStep['end-sessions']).toBe(0);
  });

  it('refuses accounts of an unconnected directory and a directory that forgets an account', async () => {
    const stray = makeAccount({ directoryId: 'okta:elsewhere' });
    const base = { id: 'p', createdAt: 'now', createdBy: 'a', options: defaultResetOptions, savedSets: [], chosenSets: [], approvalRules: [] };
    await expect(buildPlan({ ...base, selection: { accounts: [stray], problems: [], description: '' }, directories: [] })).rejects.toThrow(/not connected/);
    const account = makeAccount();
    const forgetful: Directory = Object.assign(new ScriptedDirectory('entra:test', [account]), { planReset: async () => [] });
    await expect(buildPlan({ ...base, selection: { accounts: [account], problems: [], description: '' }, directories: [forgetful] })).rejects.toThrow(/no plan for/);
  });

  it('keeps the selection order', async () => {
    const a = makeAccount({ login: 'z@x' });
    const b = makeAccount({ login: 'a@x' });
    const dir = new ScriptedDirectory('entra:test', [a, b]);
    const plan = await buildPlan({ id: 'p', createdAt: 'now', createdBy: 'a', selection: { accounts: [a, b] as Account[], problems: [], description: '' }, directories: [dir], options: defaultResetOptions, savedSets: [], chosenSets: [], approvalRules: [] });
    expect(plan.entries.map((e) => e.account.login)).toEqual(['z@x', 'a@x']);
  });
});
