import { describe, expect, it } from 'vitest';
import { approvalAnswers, approvalProgress, approvalStatus, emptyDraft, unconfirmedKeys, unresolvedTypedKeys, type ApprovalDraft } from '../../../../renderer/screens/ReviewRun/approvals';
import { planOf } from './plan-fixture';

const plan = planOf([
  { login: 'megan@contoso.com', decision: 'confirm' },
  { login: 'lee@contoso.com', decision: 'confirm' },
  { login: 'Admin.Root@contoso.com', decision: 'typed-confirm' },
  { login: 'Administrator', decision: 'typed-confirm', directoryId: 'windows-practice', kind: 'windows', host: 'WS-01' },
  { login: 'breakglass@contoso.com', decision: 'block' },
  { login: 'auto.user@contoso.com', decision: 'auto' },
]);
const [megan, lee, adminRoot, administrator, breakglass, auto] = plan.entries.map((entry) => entry.key) as [string, string, string, string, string, string];

function draft(changes: Partial<{ confirmed: string[]; typed: Array<[string, string]>; leftOut: string[] }>): ApprovalDraft {
  return { confirmed: new Set(changes.confirmed ?? []), typed: new Map(changes.typed ?? []), leftOut: new Set(changes.leftOut ?? []) };
}

describe('approval statuses', () => {
  it('shows what each decision still needs before anything is answered', () => {
    expect(plan.entries.map((entry) => approvalStatus(entry, emptyDraft))).toEqual(['unconfirmed', 'unconfirmed', 'typed-empty', 'typed-empty', 'blocked', 'auto']);
  });

  it('tells a typed name that matches from one that does not, with the core matching rule', () => {
    const typed = draft({ typed: [[adminRoot, 'admin.root@CONTOSO.COM'], [administrator, 'administrator']] });
    expect(approvalStatus(plan.entries[2]!, typed)).toBe('typed-match');
    // SAM names must be typed exactly: lower case is not the built-in Administrator.
    expect(approvalStatus(plan.entries[3]!, typed)).toBe('typed-mismatch');
  });

  it('never lets a blocked account be approved, whatever was answered for it', () => {
    const everything = draft({ confirmed: [breakglass], typed: [[breakglass, 'breakglass@contoso.com']] });
    expect(approvalStatus(plan.entries[4]!, everything)).toBe('blocked');
    expect(approvalAnswers(plan.entries, everything).map((answer) => answer.key)).not.toContain(breakglass);
  });
});

describe('whether the plan may run', () => {
  it('keeps Run disabled while any typed-confirm account neither matches nor is left out', () => {
    const progress = approvalProgress(plan.entries, draft({ confirmed: [megan, lee], typed: [[adminRoot, 'admin.root@contoso.com']] }));
    expect(progress.canRun).toBe(false);
    expect(progress.typedUnresolved).toBe(1);
    expect(progress.blockedBecause).toBe('One account needs its name typed to approve it, or to be left out.');
  });

  it('allows Run once every typed-confirm account matches or is explicitly left out', () => {
    const progress = approvalProgress(plan.entries, draft({ typed: [[adminRoot, 'admin.root@contoso.com']], leftOut: [administrator] }));
    expect(progress).toMatchObject({ canRun: true, blockedBecause: null, approved: 2, typedMatched: 1, leftOut: 1, blocked: 1, auto: 1 });
    // The two unticked "confirm" accounts and the left-out one are recorded as not approved.
    expect(progress.notApproved).toBe(3);
  });

  it('refuses to run when nothing at all would run', () => {
    const onlyConfirm = planOf([{ login: 'a@contoso.com', decision: 'confirm' }]);
    expect(approvalProgress(onlyConfirm.entries, emptyDraft)).toMatchObject({ canRun: false, blockedBecause: 'No account is approved yet.' });
    expect(approvalProgress([], emptyDraft)).toMatchObject({ canRun: false, blockedBecause: 'The plan has no accounts to run.' });
  });

  it('counts several unresolved typed confirmations in the sentence', () => {
    expect(approvalProgress(plan.entries, emptyDraft).blockedBecause).toBe('2 accounts need their names typed to approve them, or to be left out.');
  });
});

describe('answers for run.start', () => {
  it('answers only for approved accounts, with the typed text trimmed', () => {
    const answers = approvalAnswers(plan.entries, draft({ confirmed: [lee], typed: [[adminRoot, '  Admin.Root@contoso.com '], [administrator, 'Administrator']], leftOut: [administrator] }));
    expect(answers).toEqual([
      { key: lee, confirmed: true },
      { key: adminRoot, typedText: 'Admin.Root@contoso.com' },
    ]);
    expect(answers.map((answer) => answer.key)).not.toContain(auto);
  });

  it('"Confirm all" ticks exactly the confirm accounts still unticked', () => {
    expect(unconfirmedKeys(plan.entries, draft({ confirmed: [megan] }))).toEqual([lee]);
  });
});

describe('leaving out the rest', () => {
  it('finds the typed-confirm accounts that neither match nor are left out', () => {
    expect(unresolvedTypedKeys(plan.entries, draft({ typed: [[administrator, 'admin']] }))).toEqual([adminRoot, administrator]);
    expect(unresolvedTypedKeys(plan.entries, draft({ typed: [[adminRoot, 'admin.root@contoso.com']], leftOut: [administrator] }))).toEqual([]);
  });
});
