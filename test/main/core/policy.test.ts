import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApprovalRule, PlanEntry } from '../../../main/core/domain';
import { approvalMatches, checkApprovals, decideApproval, defaultApprovalRules, typedTextMatches } from '../../../main/core/policy';
import { defaultSettings } from '../../../preload/contract';
import { makeAccount } from './fakes';

const rule = (id: string, when: ApprovalRule['when'], decision: ApprovalRule['decision']): ApprovalRule => ({ id, when, decision });

describe('approval rule conditions', () => {
  const account = makeAccount({ kind: 'okta', login: 'ceo@fabrikam.com', displayName: 'Chief Exec', groups: ['Executives'], privileged: false });

  it.each([
    [{ directoryKinds: ['okta' as const] }, true],
    [{ directoryKinds: ['entra' as const, 'windows' as const] }, false],
    [{ group: 'executives' }, true],
    [{ group: 'Finance' }, false],
    [{ privileged: false }, true],
    [{ privileged: true }, false],
    [{ tag: 'vip' }, true],
    [{ tag: 'service' }, false],
    [{ namePattern: 'Chief*' }, true],
    [{ namePattern: 'ceo@*' }, true],
    [{ namePattern: 'cfo@*' }, false],
    [{ rids: [500] }, false],
    [{}, true],
    [{ directoryKinds: ['okta' as const], group: 'Finance' }, false],
  ])('%j matches: %s', (when, expected) => {
    expect(approvalMatches(when, account, ['vip'])).toBe(expected);
  });

  it('rids match Windows built-ins by RID', () => {
    const admin = makeAccount({ kind: 'windows', login: 'Administrateur', attributes: { rid: 500 } });
    expect(approvalMatches({ rids: [500] }, admin, [])).toBe(true);
    expect(approvalMatches({ rids: [500] }, makeAccount({ kind: 'windows', login: 'Administrator', attributes: { rid: 1001 } }), [])).toBe(false);
  });
});

describe('policy decisions', () => {
  it('defaults: privileged and RID 500 need typed-confirm, everything else confirm', () => {
    expect(decideApproval(makeAccount({ privileged: true }), [], defaultApprovalRules)).toMatchObject({ decision: 'typed-confirm', ruleId: 'privileged-typed-confirm' });
    const builtin = makeAccount({ kind: 'windows', login: 'Administrateur', attributes: { rid: 500 } });
    expect(decideApproval(builtin, [], defaultApprovalRules)).toMatchObject({ decision: 'typed-confirm', ruleId: 'builtin-administrator-typed-confirm' });
    expect(decideApproval(makeAccount(), [], defaultApprovalRules)).toEqual({ decision: 'confirm', ruleId: null, reason: expect.any(String) });
  });

  it('the settings defaults are the core defaults', () => {
    expect(defaultSettings.approvalRules).toEqual(defaultApprovalRules);
  });

  it.each(['auto', 'confirm', 'typed-confirm', 'block'] as const)('a matching rule can decide %s', (decision) => {
    expect(decideApproval(makeAccount({ groups: ['X'] }), [], [rule('r', { group: 'X' }, decision)]).decision).toBe(decision);
  });

  it('first match wins (property): the decision is that of the first matching rule, or confirm', () => {
    const arbRule = fc.record({
      id: fc.string({ minLength: 1, maxLength: 5 }),
      when: fc.record({ privileged: fc.boolean(), group: fc.constantFrom('A', 'B'), tag: fc.constantFrom('t1', 't2') }, { requiredKeys: [] }),
      decision: fc.constantFrom('auto' as const, 'confirm' as const, 'typed-confirm' as const, 'block' as const),
    });
    fc.assert(
      fc.property(fc.array(arbRule, { maxLength: 6 }), fc.boolean(), fc.subarray(['A', 'B']), fc.subarray(['t1', 't2']), (rules, privileged, groups, tags) => {
        const account = makeAccount({ privileged, groups });
        const decision = decideApproval(account, tags, rules);
        const first = rules.find((r) => approvalMatches(r.when, account, tags));
        expect(decision.decision).toBe(first?.decision ?? 'confirm');
        expect(decision.ruleId).toBe(first?.id ?? null);
        // Rules after the first match never change the outcome.
        expect(decideApproval(account, tags, [...rules, ...rules.slice().reverse()]).decision).toBe(decision.decision);
      }),
      { numRuns: 300 },
    );
  });
});

describe('typed confirmation', () => {
  it('compares UPN/e-mail logins case-insensitively and everything else exactly', () => {
    expect(typedTextMatches('Adele.Vance@contoso.com', 'adele.vance@CONTOSO.com ')).toBe(true);
    expect(typedTextMatches('Administrateur', 'Administrateur')).toBe(true);
    expect(typedTextMatches('Administrateur', 'administrateur')).toBe(false);
    expect(typedTextMatches('Administrateur', 'Administrator')).toBe(false);
  });
});

describe('checking approvals at run start', () => {
  const entry = (login: string, decision: PlanEntry['approval']['decision']): PlanEntry => {
    const account = makeAccount({ login });
    return { key: `${account.directoryId}|${account.id}`, account, steps: [], warnings: [], tags: [], approval: { decision, ruleId: null, reason: 'because' } };
  };
  const auto = entry('a@x.com', 'auto');
  const confirm = entry('c@x.com', 'confirm');
  const typed = entry('Administrateur', 'typed-confirm');
  const blocked = entry('b@x.com', 'block');
  const at = '2026-05-04T09:00:00.000Z';

  it('grants auto always, confirm when confirmed, typed-confirm only with the exact name, never block; records who and when', () => {
    const answers = new Map([
      [confirm.key, { confirmed: true }],
      [typed.key, { confirmed: true, typedText: 'Administrateur' }],
      [blocked.key, { confirmed: true, typedText: 'b@x.com' }],
    ]);
    const check = checkApprovals([auto, confirm, typed, blocked], answers, 'alice', at);
    expect(check.granted).toEqual([
      { key: auto.key, decision: 'auto', by: 'alice', at, typed: false },
      { key: confirm.key, decision: 'confirm', by: 'alice', at, typed: false },
      { key: typed.key, decision: 'typed-confirm', by: 'alice', at, typed: true },
    ]);
    expect(check.refused).toEqual([{ key: blocked.key, state: 'blocked', reason: 'Blocked by policy: because' }]);
  });

  it('refuses typed-confirm with a confirmation only, or with the wrong name, and confirm without an answer', () => {
    const check = checkApprovals([confirm, typed], new Map([[typed.key, { confirmed: true }]]), 'alice', at);
    expect(check.granted).toEqual([]);
    expect(check.refused.map((r) => r.reason)).toEqual(['Not confirmed by the operator.', 'Needs interactive approval: the operator must type "Administrateur".']);
    const wrong = checkApprovals([typed], new Map([[typed.key, { typedText: 'administrateur' }]]), 'alice', at);
    expect(wrong.refused[0]?.reason).toContain('does not match');
  });
});
