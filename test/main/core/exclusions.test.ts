import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Account, ExclusionRule, ExclusionSet } from '../../../main/core/domain';
import { applyExclusions, BUILTIN_PROTECTIONS, exclusionOrder, firstExclusion, ruleMatches, tagsFor } from '../../../main/core/exclusions';
import { windowsPopulation } from '../../../main/practice/sample-population';
import { makeAccount } from './fakes';

const win = (rid: number, login: string, extra: Partial<Account> = {}) =>
  makeAccount({ kind: 'windows', directoryId: 'windows:h', id: `S-1-5-21-1-2-3-${rid}`, login, ...extra, attributes: { rid, host: 'H1', ...extra.attributes } });

describe('each exclusion rule type', () => {
  const alice = makeAccount({ login: 'alice@contoso.com', displayName: 'Alice Smith', groups: ['Finance', 'VIP'], attributes: { email: 'alice.smith@contoso.com' } });

  it('accounts: matches key, id, login, e-mail or HOST\\name, case-insensitively', () => {
    expect(ruleMatches({ id: 'r', type: 'accounts', accounts: ['ALICE@contoso.com'] }, alice)).toContain('ALICE@contoso.com');
    expect(ruleMatches({ id: 'r', type: 'accounts', accounts: [alice.id] }, alice)).not.toBeNull();
    expect(ruleMatches({ id: 'r', type: 'accounts', accounts: ['alice.smith@contoso.com'] }, alice)).not.toBeNull();
    expect(ruleMatches({ id: 'r', type: 'accounts', accounts: [`${alice.directoryId}|${alice.id}`] }, alice)).not.toBeNull();
    expect(ruleMatches({ id: 'r', type: 'accounts', accounts: ['h1\\kiosk'] }, win(1002, 'kiosk'))).not.toBeNull();
    expect(ruleMatches({ id: 'r', type: 'accounts', accounts: ['bob@contoso.com'] }, alice)).toBeNull();
  });

  it('name-pattern: glob on login or display name', () => {
    expect(ruleMatches({ id: 'r', type: 'name-pattern', pattern: '*smith' }, alice)).toContain('*smith');
    expect(ruleMatches({ id: 'r', type: 'name-pattern', pattern: 'alice@*' }, alice)).not.toBeNull();
    expect(ruleMatches({ id: 'r', type: 'name-pattern', pattern: 'bob*' }, alice)).toBeNull();
  });

  it('group: membership, case-insensitive', () => {
    expect(ruleMatches({ id: 'r', type: 'group', group: 'vip' }, alice)).toContain('"vip"');
    expect(ruleMatches({ id: 'r', type: 'group', group: 'Sales' }, alice)).toBeNull();
  });

  it('privileged: says why the account is privileged', () => {
    const admin = makeAccount({ privileged: true, privilegedWhy: 'Global Administrator role' });
    expect(ruleMatches({ id: 'r', type: 'privileged' }, admin)).toContain('Global Administrator role');
    expect(ruleMatches({ id: 'r', type: 'privileged' }, alice)).toBeNull();
  });

  it('builtin-rid: recognises localised built-ins by RID, never by name', () => {
    const rule: ExclusionRule = { id: 'r', type: 'builtin-rid', rids: [500, 501] };
    expect(ruleMatches(rule, win(500, 'Administrateur'))).toContain('RID 500');
    expect(ruleMatches(rule, win(501, 'Invité'))).toContain('built-in Guest');
    // A regular account named like a built-in is not a built-in.
    expect(ruleMatches(rule, win(1005, 'Administrator'))).toBeNull();
    // RIDs only mean something for Windows accounts.
    expect(ruleMatches(rule, makeAccount({ attributes: { rid: 500 } }))).toBeNull();
  });

  it('disabled', () => {
    expect(ruleMatches({ id: 'r', type: 'disabled' }, makeAccount({ enabled: false }))).toContain('disabled');
    expect(ruleMatches({ id: 'r', type: 'disabled' }, alice)).toBeNull();
  });

  it('service-account: names the pattern that matched', () => {
    const rule: ExclusionRule = { id: 'r', type: 'service-account', patterns: ['svc-*', '*_svc'] };
    expect(ruleMatches(rule, makeAccount({ login: 'sql_svc' }))).toContain('"*_svc"');
    expect(ruleMatches(rule, alice)).toBeNull();
  });

  it('never-touch', () => {
    expect(ruleMatches({ id: 'r', type: 'never-touch', accounts: ['alice@contoso.com'] }, alice)).toContain('never-touch');
  });

  it('current-user and connection-account', () => {
    expect(ruleMatches({ id: 'r', type: 'current-user' }, makeAccount({ attributes: { isCurrentUser: true } }))).toContain('your own');
    expect(ruleMatches({ id: 'r', type: 'current-user' }, alice)).toBeNull();
    expect(ruleMatches({ id: 'r', type: 'connection-account' }, makeAccount({ attributes: { isConnectionAccount: true } }))).toContain('connects with');
    expect(ruleMatches({ id: 'r', type: 'connection-account' }, alice)).toBeNull();
  });
});

describe('evaluation order and defaults', () => {
  const breakGlass: ExclusionSet = { name: 'Break-glass', tags: ['bg'], rules: [{ id: 'bg', type: 'never-touch', accounts: ['root@contoso.com'] }] };
  const privileged: ExclusionSet = { name: 'Admins', tags: ['admins'], rules: [{ id: 'priv', type: 'privileged' }] };

  it('always protects Guest, DefaultAccount, WDAGUtilityAccount, the operator and the connection account', () => {
    const population = windowsPopulation();
    const { excluded, included } = applyExclusions(population, exclusionOrder([], []));
    const byRid = (rid: number) => excluded.filter((e) => e.account.attributes.rid === rid).map((e) => e.account.login);
    expect(byRid(501).sort()).toEqual(['Guest', 'Invité']);
    expect(byRid(503)).toEqual(['DefaultAccount', 'DefaultAccount']);
    expect(byRid(504)).toEqual(['WDAGUtilityAccount', 'WDAGUtilityAccount']);
    expect(excluded.find((e) => e.account.login === 'jmorgan')?.exclusion.rule.type).toBe('current-user');
    expect(excluded.find((e) => e.account.login === 'winrm-rekey')?.exclusion.rule.type).toBe('connection-account');
    expect(excluded.every((e) => e.exclusion.setName === BUILTIN_PROTECTIONS)).toBe(true);
    // The built-in Administrator is not excluded by default: the approval policy guards it.
    expect(included.filter((a) => a.attributes.rid === 500).map((a) => a.login).sort()).toEqual(['Administrateur', 'Administrator']);
  });

  it('applies never-touch rules of every saved set, even one not chosen, before other rules', () => {
    const root = makeAccount({ login: 'root@contoso.com', privileged: true });
    const ordered = exclusionOrder([privileged, breakGlass], ['Admins']);
    expect(firstExclusion(root, ordered)?.rule.id).toBe('bg');
    expect(firstExclusion(root, exclusionOrder([breakGlass], []))?.setName).toBe('Break-glass');
  });

  it('refuses an unknown set name with the saved names', () => {
    expect(() => exclusionOrder([breakGlass], ['Nope'])).toThrow(/"Nope".*"Break-glass"/);
  });

  it('tags come from every saved set with a matching rule', () => {
    const admin = makeAccount({ privileged: true, login: 'root@contoso.com' });
    expect(tagsFor(admin, [breakGlass, privileged])).toEqual(['admins', 'bg']);
    expect(tagsFor(makeAccount(), [breakGlass, privileged])).toEqual([]);
  });
});

describe('exclusion properties', () => {
  const account = fc
    .record({
      login: fc.constantFrom('alice', 'svc-backup', 'bob@x.com', 'Administrator', 'guest', 'sql_svc'),
      privileged: fc.boolean(),
      enabled: fc.boolean(),
      groups: fc.subarray(['Finance', 'VIP', 'Admins']),
      rid: fc.option(fc.constantFrom(500, 501, 503, 504, 1001), { nil: undefined }),
      isCurrentUser: fc.boolean(),
      windows: fc.boolean(),
    })
    .map((r) =>
      makeAccount({
        login: r.login,
        privileged: r.privileged,
        enabled: r.enabled,
        groups: r.groups,
        kind: r.windows ? 'windows' : 'entra',
        attributes: { rid: r.rid, isCurrentUser: r.isCurrentUser },
      }),
    );
  const rule: fc.Arbitrary<ExclusionRule> = fc.oneof(
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), type: fc.constant('privileged' as const) }),
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), type: fc.constant('disabled' as const) }),
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), type: fc.constant('group' as const), group: fc.constantFrom('finance', 'VIP', 'Other') }),
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), type: fc.constant('name-pattern' as const), pattern: fc.constantFrom('a*', '*svc*', '?ob*', 'x') }),
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), type: fc.constant('accounts' as const), accounts: fc.subarray(['alice', 'bob@x.com', 'nobody']) }),
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), type: fc.constant('builtin-rid' as const), rids: fc.subarray([500, 501, 503, 504], { minLength: 1 }) }),
    fc.record({ id: fc.string({ minLength: 1, maxLength: 4 }), type: fc.constant('never-touch' as const), accounts: fc.subarray(['alice', 'guest']) }),
  );
  const sets: fc.Arbitrary<ExclusionSet[]> = fc.uniqueArray(fc.record({ name: fc.string({ minLength: 1, maxLength: 6 }), tags: fc.constant<string[]>([]), rules: fc.array(rule, { maxLength: 4 }) }), {
    selector: (s) => s.name,
    maxLength: 4,
  });

  it('partitions the selection: every account is either included or excluded by exactly one rule that matches it, order preserved', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 12 }), sets, fc.nat(), (accounts, saved, pick) => {
        const chosen = saved.filter((_, i) => (pick >> i) & 1).map((s) => s.name);
        const ordered = exclusionOrder(saved, chosen);
        const { included, excluded } = applyExclusions(accounts, ordered);
        expect(included.length + excluded.length).toBe(accounts.length);
        const excludedIds = new Set(excluded.map((e) => e.account.id));
        expect(accounts.filter((a) => !excludedIds.has(a.id))).toEqual(included);
        for (const entry of excluded) {
          // The named rule matches, and it is the first in evaluation order that does.
          expect(ruleMatches(entry.exclusion.rule, entry.account)).not.toBeNull();
          const firstIndex = ordered.findIndex((o) => ruleMatches(o.rule, entry.account) !== null);
          expect(ordered[firstIndex]!.rule).toBe(entry.exclusion.rule);
          expect(entry.exclusion.reason).toContain(entry.exclusion.setName);
        }
        for (const account of included) expect(ordered.every((o) => ruleMatches(o.rule, account) === null)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('choosing a set twice or duplicating the selection changes nothing about who is excluded', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 8 }), sets, (accounts, saved) => {
        const names = saved.map((s) => s.name);
        const once = applyExclusions(accounts, exclusionOrder(saved, names));
        const twice = applyExclusions(accounts, exclusionOrder(saved, [...names, ...names]));
        expect(twice.excluded.map((e) => [e.account.id, e.exclusion.rule])).toEqual(once.excluded.map((e) => [e.account.id, e.exclusion.rule]));
        const doubled = applyExclusions([...accounts, ...accounts], exclusionOrder(saved, names));
        expect(doubled.excluded.length).toBe(2 * once.excluded.length);
      }),
      { numRuns: 200 },
    );
  });

  it('adding a chosen set never un-excludes an account (exclusion is monotonic)', () => {
    fc.assert(
      fc.property(fc.array(account, { maxLength: 8 }), sets, (accounts, saved) => {
        const fewer = applyExclusions(accounts, exclusionOrder(saved, saved.slice(0, 1).map((s) => s.name)));
        const more = applyExclusions(accounts, exclusionOrder(saved, saved.map((s) => s.name)));
        const moreIds = new Set(more.excluded.map((e) => e.account.id));
        for (const e of fewer.excluded) expect(moreIds.has(e.account.id)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
