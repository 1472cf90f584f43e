// Exclusions: accounts a reset must not touch, each with the one rule that
// excluded it. Evaluation order is fixed and documented because the first
// matching rule is the reason shown to the operator:
//   1. built-in protections (Guest/DefaultAccount/WDAGUtilityAccount by RID,
//      the operator's own account, the connection account) — always on;
//   2. "never touch" rules of EVERY saved set — break-glass accounts are
//      protected whichever set the operator picked;
//   3. the other rules of the chosen sets, in set order then rule order.
import { accountKey, type Account, type ExcludedEntry, type Exclusion, type ExclusionRule, type ExclusionSet } from './domain';
import { globMatchesAny } from './glob';

/** Windows well-known RIDs. Names are localised ("Administrateur", "Gast"), so Rekey never matches them by name. */
export const builtinRidNames: Record<number, string> = {
  500: 'built-in Administrator',
  501: 'built-in Guest',
  503: 'DefaultAccount',
  504: 'WDAGUtilityAccount',
};

export const BUILTIN_PROTECTIONS = 'Built-in protections';

/** Always applied; not editable: they protect operators from locking themselves or the machine out. */
export const builtinProtections: ExclusionSet = {
  name: BUILTIN_PROTECTIONS,
  description: 'Accounts Rekey never resets: Windows system accounts, your own account, and the account Rekey connects with.',
  tags: [],
  rules: [
    { id: 'protect-system-accounts', type: 'builtin-rid', rids: [501, 503, 504], note: 'Windows system account' },
    { id: 'protect-current-user', type: 'current-user', note: 'Resetting your own account would sign you out mid-run' },
    { id: 'protect-connection-account', type: 'connection-account', note: 'Rekey uses this account to reach the directory' },
  ],
};

export const defaultServiceAccountPatterns = ['svc-*', 'svc_*', 'svc.*', '*-svc', '*_svc', 'sa-*', 'srv-*', '*$'];

/** True when an entry of an explicit list names the account (key, id, login, email or HOST\name; case-insensitive). */
export function listNamesAccount(entries: readonly string[], account: Account): string | undefined {
  const names = [accountKey(account), account.id, account.login, account.attributes.email, account.attributes.host ? `${account.attributes.host}\\${account.login}` : undefined]
    .filter((name): name is string => !!name)
    .map((name) => name.toLowerCase());
  return entries.find((entry) => names.includes(entry.trim().toLowerCase()));
}

/** Why the rule matches the account, or null when it does not. */
export function ruleMatches(rule: ExclusionRule, account: Account): string | null {
  const note = rule.note ? ` (${rule.note})` : '';
  switch (rule.type) {
    case 'accounts': {
      const entry = listNamesAccount(rule.accounts, account);
      return entry ? `listed as "${entry}" in the exclusion list${note}` : null;
    }
    case 'never-touch': {
      const entry = listNamesAccount(rule.accounts, account);
      return entry ? `on the never-touch list as "${entry}"${note}` : null;
    }
    case 'name-pattern':
      return globMatchesAny(rule.pattern, [account.login, account.displayName]) ? `name matches "${rule.pattern}"${note}` : null;
    case 'service-account': {
      const pattern = rule.patterns.find((p) => globMatchesAny(p, [account.login]));
      return pattern ? `looks like a service account (login matches "${pattern}")${note}` : null;
    }
    case 'group': {
      const wanted = rule.group.toLowerCase();
      return account.groups.some((group) => group.toLowerCase() === wanted) ? `member of group "${rule.group}"${note}` : null;
    }
    case 'privileged':
      return account.privileged ? `privileged account${account.privilegedWhy ? `: ${account.privilegedWhy}` : ''}${note}` : null;
    case 'builtin-rid': {
      const rid = account.kind === 'windows' ? account.attributes.rid : undefined;
      return rid !== undefined && rule.rids.includes(rid) ? `${builtinRidNames[rid] ?? 'built-in account'} (RID ${rid}, recognised by SID)${note}` : null;
    }
    case 'disabled':
      return account.enabled ? null : `account is disabled${note}`;
    case 'current-user':
      return account.attributes.isCurrentUser ? `your own signed-in account${note}` : null;
    case 'connection-account':
      return account.attributes.isConnectionAccount ? `the account Rekey connects with${note}` : null;
  }
}

export interface OrderedRule {
  setName: string;
  rule: ExclusionRule;
}

/** The rules in evaluation order (see the header comment). Unknown chosen set names are an error the operator must fix. */
export function exclusionOrder(savedSets: readonly ExclusionSet[], chosenNames: readonly string[]): OrderedRule[] {
  const missing = chosenNames.filter((name) => !savedSets.some((set) => set.name === name));
  if (missing.length > 0) {
    throw new Error(`No saved exclusion set is called ${missing.map((n) => `"${n}"`).join(', ')} (saved: ${savedSets.map((s) => `"${s.name}"`).join(', ') || 'none'}).`);
  }
  const ordered: OrderedRule[] = builtinProtections.rules.map((rule) => ({ setName: BUILTIN_PROTECTIONS, rule }));
  for (const set of savedSets) for (const rule of set.rules) if (rule.type === 'never-touch') ordered.push({ setName: set.name, rule });
  for (const name of chosenNames) {
    const set = savedSets.find((s) => s.name === name) as ExclusionSet;
    for (const rule of set.rules) if (rule.type !== 'never-touch') ordered.push({ setName: set.name, rule });
  }
  return ordered;
}

/** The first rule that excludes the account, or null. */
export function firstExclusion(account: Account, ordered: readonly OrderedRule[]): Exclusion | null {
  for (const { setName, rule } of ordered) {
    const why = ruleMatches(rule, account);
    if (why !== null) return { setName, rule, reason: `Excluded by "${setName}": ${why}.` };
  }
  return null;
}

export interface ExclusionOutcome {
  included: Account[];
  excluded: ExcludedEntry[];
}

/** Split accounts into included and excluded, preserving input order in both. */
export function applyExclusions(accounts: readonly Account[], ordered: readonly OrderedRule[]): ExclusionOutcome {
  const included: Account[] = [];
  const excluded: ExcludedEntry[] = [];
  for (const account of accounts) {
    const exclusion = firstExclusion(account, ordered);
    if (exclusion) excluded.push({ key: accountKey(account), account, exclusion });
    else included.push(account);
  }
  return { included, excluded };
}

/** Tags of every saved set with a rule matching the account (approval rules can refer to them). */
export function tagsFor(account: Account, savedSets: readonly ExclusionSet[]): string[] {
  const tags = new Set<string>();
  for (const set of savedSets) {
    if (set.tags.length === 0) continue;
    if (set.rules.some((rule) => ruleMatches(rule, account) !== null)) for (const tag of set.tags) tags.add(tag);
  }
  return [...tags].sort();
}
