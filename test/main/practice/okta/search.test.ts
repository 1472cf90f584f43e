// Okta's search and filter expressions, as the stand-in evaluates them.
import { describe, expect, it } from 'vitest';
import { compileExpression, matchesQuery, readPath, SearchSyntaxError } from '../../../../main/practice/okta/search';

const users = [
  { id: '00u1', status: 'ACTIVE', lastUpdated: '2024-03-01T00:00:00.000Z', profile: { firstName: 'Isaac', lastName: 'Brock', login: 'isaac.brock@example.com', email: 'isaac.brock@example.com', department: 'Engineering', tags: ['vpn', 'admins'] } },
  { id: '00u2', status: 'LOCKED_OUT', lastUpdated: '2024-05-01T00:00:00.000Z', profile: { firstName: 'Isáàc', lastName: 'Bröck', login: 'isaac2@example.com', email: 'isaac2@example.com', department: 'Sales' } },
  { id: '00u3', status: 'DEPROVISIONED', lastUpdated: '2023-01-01T00:00:00.000Z', profile: { firstName: 'Zoë', lastName: 'Müller', login: 'zoe@example.com', email: 'zoe@example.com', department: 'Engineering' } },
];

const ids = (text: string, dialect: 'search' | 'filter' = 'search') => {
  const expression = compileExpression(text, dialect);
  return users.filter((user) => expression.matches(readPath(user))).map((user) => user.id);
};

describe('search', () => {
  it('eq, sw and co with case-insensitive values but significant diacritics', () => {
    expect(ids('profile.firstName eq "isaac"')).toEqual(['00u1']);
    expect(ids('profile.lastName sw "brö"')).toEqual(['00u2']);
    expect(ids('profile.email co "BROCK"')).toEqual(['00u1']);
  });

  it('and binds tighter than or; parentheses group', () => {
    expect(ids('profile.department eq "Engineering" and status eq "ACTIVE" or status eq "LOCKED_OUT"')).toEqual(['00u1', '00u2']);
    expect(ids('profile.department eq "Engineering" and (status eq "ACTIVE" or status eq "DEPROVISIONED")')).toEqual(['00u1', '00u3']);
  });

  it('ordering operators on timestamps, pr, and array attributes', () => {
    expect(ids('lastUpdated gt "2024-01-01T00:00:00.000Z"')).toEqual(['00u1', '00u2']);
    expect(ids('profile.tags eq "vpn"')).toEqual(['00u1']);
    expect(ids('profile.tags pr')).toEqual(['00u1']);
    expect(ids('(status lt "DEPROVISIONED" or status gt "DEPROVISIONED")')).toEqual(['00u1', '00u2']);
  });

  it.each([
    'profile.department co "Eng"',
    'not status eq "ACTIVE"',
    'status ne "ACTIVE"',
    'status eq ACTIVE',
    'status eq "ACTIVE" and',
    '(status eq "ACTIVE"',
    'status eq "ACTIVE',
    '',
  ])('rejects %j as Okta does', (text) => {
    expect(() => compileExpression(text, 'search')).toThrow(SearchSyntaxError);
  });
});

describe('filter', () => {
  it('supports eq on its few attributes, case-sensitive values, and inequalities on lastUpdated', () => {
    expect(ids('status eq "LOCKED_OUT" or status eq "ACTIVE"', 'filter')).toEqual(['00u1', '00u2']);
    expect(ids('profile.login eq "ZOE@example.com"', 'filter')).toEqual([]);
    expect(ids('lastUpdated lt "2024-01-01T00:00:00.000Z"', 'filter')).toEqual(['00u3']);
  });

  it.each(['profile.department eq "Sales"', 'profile.login sw "zoe"', 'status gt "A"'])('rejects %j', (text) => {
    expect(() => compileExpression(text, 'filter')).toThrow(SearchSyntaxError);
  });
});

describe('q', () => {
  it('is a starts-with on first name, last name or email', () => {
    expect(users.filter((user) => matchesQuery(user.profile, 'zo')).map((user) => user.id)).toEqual(['00u3']);
    expect(users.filter((user) => matchesQuery(user.profile, 'example')).map((user) => user.id)).toEqual([]);
  });
});
