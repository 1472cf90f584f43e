// Approval policy: ordered rules, first match wins; when no rule matches the
// fallback is "confirm". The defaults make privileged accounts and the
// built-in Administrator (RID 500) need the operator to type the account name.
import type { Account, ApprovalDecision, ApprovalGrant, ApprovalMatch, ApprovalRequirement, ApprovalRule, PlanEntry } from './domain';
import { globMatchesAny } from './glob';

export const FALLBACK_DECISION: ApprovalDecision = 'confirm';

export const defaultApprovalRules: ApprovalRule[] = [
  {
    id: 'privileged-typed-confirm',
    description: 'Privileged accounts need the operator to type the account name.',
    when: { privileged: true },
    decision: 'typed-confirm',
  },
  {
    id: 'builtin-administrator-typed-confirm',
    description: 'The built-in Windows Administrator (RID 500) needs the operator to type the account name.',
    when: { directoryKinds: ['windows'], rids: [500] },
    decision: 'typed-confirm',
  },
];

/** Every condition present must hold; an empty match matches every account. */
export function approvalMatches(when: ApprovalMatch, account: Account, tags: readonly string[]): boolean {
  if (when.directoryKinds && when.directoryKinds.length > 0 && !when.directoryKinds.includes(account.kind)) return false;
  if (when.group !== undefined) {
    const wanted = when.group.toLowerCase();
    if (!account.groups.some((group) => group.toLowerCase() === wanted)) return false;
  }
  if (when.privileged !== undefined && account.privileged !== when.privileged) return false;
  if (when.tag !== undefined && !tags.includes(when.tag)) return false;
  if (when.namePattern !== undefined && !globMatchesAny(when.namePattern, [account.login, account.displayName])) return false;
  if (when.rids && when.rids.length > 0) {
    const rid = account.attributes.rid;
    if (rid === undefined || !when.rids.includes(rid)) return false;
  }
  return true;
}

export function decideApproval(account: Account, tags: readonly string[], rules: readonly ApprovalRule[]): ApprovalRequirement {
  for (const rule of rules) {
    if (approvalMatches(rule.when, account, tags)) {
      return { decision: rule.decision, ruleId: rule.id, reason: rule.description ?? `Approval rule "${rule.id}" applies.` };
    }
  }
  return { decision: FALLBACK_DECISION, ruleId: null, reason: 'No approval rule matched: the operator confirms.' };
}

/**
 * Typed confirmation: the operator types the account's login. UPN/email-style
 * logins (containing "@") compare case-insensitively, as Entra and Okta treat
 * them; anything else (SAM names, ids) must match exactly, so a slip of the
 * keyboard on a short Windows name is not taken as consent.
 */
export function typedTextMatches(login: string, typed: string): boolean {
  const text = typed.trim();
  return login.includes('@') ? text.toLowerCase() === login.toLowerCase() : text === login;
}

/** What the operator said about one account. */
export interface ApprovalAnswer {
  confirmed?: boolean;
  typedText?: string;
}

export interface ApprovalCheck {
  granted: ApprovalGrant[];
  refused: Array<{ key: string; state: 'not-approved' | 'blocked'; reason: string }>;
}

/** Apply the operator's answers to the plan's requirements. Checked at run start; only granted accounts run. */
export function checkApprovals(entries: readonly PlanEntry[], answers: ReadonlyMap<string, ApprovalAnswer>, by: string, at: string): ApprovalCheck {
  const check: ApprovalCheck = { granted: [], refused: [] };
  for (const entry of entries) {
    const answer = answers.get(entry.key) ?? {};
    const typedOk = answer.typedText !== undefined && typedTextMatches(entry.account.login, answer.typedText);
    const grant = (typed: boolean) => check.granted.push({ key: entry.key, decision: entry.approval.decision, by, at, typed });
    switch (entry.approval.decision) {
      case 'auto':
        grant(false);
        break;
      case 'confirm':
        if (answer.confirmed || typedOk) grant(typedOk);
        else check.refused.push({ key: entry.key, state: 'not-approved', reason: 'Not confirmed by the operator.' });
        break;
      case 'typed-confirm':
        if (typedOk) grant(true);
        else
          check.refused.push({
            key: entry.key,
            state: 'not-approved',
            reason:
              answer.typedText === undefined
                ? `Needs interactive approval: the operator must type "${entry.account.login}".`
                : `The typed name does not match "${entry.account.login}".`,
          });
        break;
      case 'block':
        check.refused.push({ key: entry.key, state: 'blocked', reason: `Blocked by policy: ${entry.approval.reason}` });
        break;
    }
  }
  return check;
}
