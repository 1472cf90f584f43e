// Okta users as Rekey accounts, and account queries as Okta search
// expressions.
import type { Account, AccountQuery } from '../core/domain';
import type { OktaUser } from './sdk';

/** Okta statuses in which the person can still sign in (or finish signing up). */
const signInStatuses = new Set(['ACTIVE', 'PASSWORD_EXPIRED', 'LOCKED_OUT', 'RECOVERY', 'PROVISIONED']);

export interface AccountFacts {
  groups: string[];
  privileged: boolean;
  privilegedWhy?: string;
  isConnectionAccount?: boolean;
}

export function accountFromUser(user: OktaUser, directoryId: string, facts: AccountFacts): Account {
  const profile = user.profile ?? {};
  const status = user.status ?? 'UNKNOWN';
  const login = profile.login ?? user.id ?? '';
  const fullName = [profile.firstName, profile.lastName].filter((part) => typeof part === 'string' && part.length > 0).join(' ');
  const provider = user.credentials?.provider?.type;
  return {
    directoryId,
    kind: 'okta',
    id: user.id ?? login,
    login,
    displayName: (typeof profile.displayName === 'string' && profile.displayName) || fullName || login,
    enabled: signInStatuses.has(status),
    privileged: facts.privileged,
    ...(facts.privilegedWhy ? { privilegedWhy: facts.privilegedWhy } : {}),
    groups: facts.groups,
    attributes: {
      status,
      mustChange: status === 'PASSWORD_EXPIRED',
      lastSignIn: toIso(user.lastLogin),
      ...(provider ? { credentialProvider: provider } : {}),
      ...(provider === 'FEDERATION' || provider === 'SOCIAL' ? { federated: true } : {}),
      ...(typeof profile.email === 'string' ? { email: profile.email } : {}),
      ...(facts.isConnectionAccount ? { isConnectionAccount: true } : {}),
    },
  };
}

function toIso(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Okta-specific query: `filter` is sent as Okta's filter parameter (status, id, login, email, names, lastUpdated). */
export interface OktaAccountQuery extends AccountQuery {
  filter?: string;
}

/** What to send to GET /api/v1/users for an account query. */
export interface UserListing {
  search?: string;
  filter?: string;
  limit: number;
}

/** An Okta search expression typed by an admin: `attribute operator ...`, e.g. status eq "LOCKED_OUT". */
const expressionPattern = /^\s*\(?\s*(?:[A-Za-z_][\w.]*)\s+(?:eq|sw|co|gt|ge|lt|le|pr)\b/i;

export function userListingFor(query: OktaAccountQuery): UserListing {
  const limit = Math.min(Math.max(1, query.pageSize ?? 200), 200);
  // With a filter, free text is matched locally (see matchesText): Okta takes one of search or filter.
  if (query.filter?.trim()) return { filter: query.filter.trim(), limit };
  const text = query.search?.trim();
  if (!text) return { limit };
  if (expressionPattern.test(text)) return { search: text, limit };
  // Free text: contains-match on the four attributes Okta allows `co` on.
  const value = `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  return {
    search: ['profile.login', 'profile.email', 'profile.firstName', 'profile.lastName'].map((attribute) => `${attribute} co ${value}`).join(' or '),
    limit,
  };
}

/** Free-text match used where Okta cannot search for us (members of one group). */
export function matchesText(user: OktaUser, text: string | undefined): boolean {
  if (!text?.trim()) return true;
  const wanted = text.trim().toLowerCase();
  const profile = user.profile ?? {};
  return [profile.login, profile.email, profile.firstName, profile.lastName, profile.displayName].some((value) => typeof value === 'string' && value.toLowerCase().includes(wanted));
}
