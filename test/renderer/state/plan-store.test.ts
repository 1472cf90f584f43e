import { beforeEach, describe, expect, it } from 'vitest';
import { emptyDraft } from '../../../renderer/screens/ReviewRun/approvals';
import { carryDraft, defaultResetOptionValues, requestSignature, usePlanStore } from '../../../renderer/state/plan-store';
import { planOf } from '../screens/ReviewRun/plan-fixture';

const first = planOf([
  { login: 'a@contoso.com', decision: 'confirm' },
  { login: 'admin@contoso.com', decision: 'typed-confirm' },
  { login: 'jdoe', directoryId: 'windows-practice', kind: 'windows', decision: 'typed-confirm', steps: ['force-change'] },
]);
const [a, admin, jdoe] = first.entries.map((entry) => entry.key) as [string, string, string];

beforeEach(() => usePlanStore.getState().backToSelection());

describe('approvals across re-plans', () => {
  it('keeps an approval only where the account, its steps and its approval rule are unchanged', () => {
    const draft = { confirmed: new Set([a]), typed: new Map([[admin, 'admin@contoso.com'], [jdoe, 'jdoe']]), leftOut: new Set<string>() };
    // Re-planned with "clear never-expires" now applying to jdoe: the typed approval was for other work.
    const second = planOf([
      { login: 'a@contoso.com', decision: 'confirm' },
      { login: 'admin@contoso.com', decision: 'typed-confirm' },
      { login: 'jdoe', directoryId: 'windows-practice', kind: 'windows', decision: 'typed-confirm', steps: ['clear-never-expires', 'force-change'] },
    ]);
    const carried = carryDraft(first, second, draft);
    expect([...carried.confirmed]).toEqual([a]);
    expect([...carried.typed.keys()]).toEqual([admin]);
  });

  it('drops an approval whose account now needs a different decision', () => {
    const draft = { confirmed: new Set([a]), typed: new Map<string, string>(), leftOut: new Set<string>() };
    const stricter = planOf([{ login: 'a@contoso.com', decision: 'typed-confirm' }]);
    expect(carryDraft(first, stricter, draft).confirmed.size).toBe(0);
    expect(carryDraft(null, first, draft)).toBe(emptyDraft);
  });
});

describe('plan requests', () => {
  it('keeps only the newest request’s answer when options change quickly', () => {
    const store = usePlanStore.getState();
    const older = store.planning('sig-1');
    const newer = store.planning('sig-2');
    usePlanStore.getState().planned(newer, first);
    usePlanStore.getState().planned(older, planOf([{ login: 'stale@contoso.com' }]));
    expect(usePlanStore.getState()).toMatchObject({ status: 'ready', planSignature: 'sig-2' });
    expect(usePlanStore.getState().plan).toBe(first);
    usePlanStore.getState().planFailed(older, 'too late');
    expect(usePlanStore.getState().status).toBe('ready');
  });

  it('records the failure of the newest request with its sentence', () => {
    const ticket = usePlanStore.getState().planning('sig-3');
    usePlanStore.getState().planFailed(ticket, 'Okta is not connected.');
    expect(usePlanStore.getState()).toMatchObject({ status: 'failed', error: 'Okta is not connected.', planSignature: 'sig-3' });
  });

  it('shows a run’s failures for review with their own request signature, and goes back to the selection', () => {
    usePlanStore.getState().confirm(a, true);
    usePlanStore.getState().reviewRetry('run-3', first);
    const state = usePlanStore.getState();
    expect(state.source).toEqual({ kind: 'retry', runId: 'run-3', keys: [a, admin, jdoe], exclusionSets: [] });
    expect(state.planSignature).toBe(requestSignature([a, admin, jdoe], [], first.options));
    expect(state.draft.confirmed.size).toBe(0);
    usePlanStore.getState().backToSelection();
    expect(usePlanStore.getState()).toMatchObject({ source: { kind: 'selection' }, plan: null, status: 'idle' });
  });

  it('signs a request by its keys, exclusion sets (in any order) and every option', () => {
    const base = requestSignature([a, admin], ['Break-glass', 'Service accounts'], defaultResetOptionValues);
    expect(requestSignature([a, admin], ['Service accounts', 'Break-glass'], defaultResetOptionValues)).toBe(base);
    expect(requestSignature([a, admin], ['Break-glass', 'Service accounts'], { ...defaultResetOptionValues, forgetDevices: true })).not.toBe(base);
    expect(requestSignature([a], ['Break-glass', 'Service accounts'], defaultResetOptionValues)).not.toBe(base);
  });

  it('edits approvals one account at a time, and confirms many at once', () => {
    const store = usePlanStore.getState();
    store.setTyped(admin, 'adm');
    store.leaveOut(jdoe, true);
    usePlanStore.getState().confirmAll([a]);
    const { draft } = usePlanStore.getState();
    expect(draft.typed.get(admin)).toBe('adm');
    expect(draft.leftOut.has(jdoe)).toBe(true);
    expect(draft.confirmed.has(a)).toBe(true);
    usePlanStore.getState().leaveOut(jdoe, false);
    usePlanStore.getState().confirm(a, false);
    expect(usePlanStore.getState().draft.leftOut.size + usePlanStore.getState().draft.confirmed.size).toBe(0);
  });
});
