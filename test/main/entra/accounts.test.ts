// Listing accounts through the Graph SDK against the stand-in: every page via
// @odata.nextLink, only the selected properties, admins recognised with the
// role that makes them admins, synced / guest / disabled / current user
// flagged, $search (with ConsistencyLevel) and group filtering.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectAccounts, type Account } from '../../../main/core/domain';
import type { EntraConnection } from '../../../main/entra/connection';
import type { GraphStandIn } from '../../../main/practice/graph/server';
import { signedInConnection, startPracticeStandIn } from './support';

let standIn: GraphStandIn;
let connection: EntraConnection;

beforeAll(async () => {
  standIn = await startPracticeStandIn();
  connection = await signedInConnection(standIn, 'meganb');
});
afterAll(async () => {
  await standIn?.close();
});

function byLogin(accounts: Account[], alias: string): Account {
  const found = accounts.find((a) => a.login === `${alias}@${standIn.tenantDomain}`);
  if (!found) throw new Error(`no account ${alias}`);
  return found;
}

describe('listing accounts', () => {
  it('reads every user over several pages, following @odata.nextLink as returned', async () => {
    const directory = connection.directory();
    const pages: Account[][] = [];
    for await (const page of directory.listAccounts({ pageSize: 50 })) pages.push(page);
    const accounts = pages.flat();

    expect(standIn.state.users.size).toBeGreaterThanOrEqual(250);
    expect(accounts).toHaveLength(standIn.state.users.size);
    expect(new Set(accounts.map((a) => a.id)).size).toBe(accounts.length);
    expect(pages.length).toBe(Math.ceil(standIn.state.users.size / 50));
    expect(pages.slice(0, -1).every((p) => p.length === 50)).toBe(true);

    const listing = standIn.requests.filter((r) => r.path === '/users');
    expect(listing.length).toBeGreaterThanOrEqual(pages.length);
    expect(listing.every((r) => r.status === 200 && r.consistencyLevel === 'eventual')).toBe(true);
  });

  it('marks admins with the role that makes them admins, including through a role-assignable group', async () => {
    const accounts = await collectAccounts(connection.directory(), {});
    expect(byLogin(accounts, 'pattif')).toMatchObject({ privileged: true, privilegedWhy: 'Global Administrator role' });
    expect(byLogin(accounts, 'alexw').privilegedWhy).toBe('User Administrator role');
    expect(byLogin(accounts, 'gradya').privilegedWhy).toBe('Privileged Role Administrator role through group Tier 0 Operators');
    expect(byLogin(accounts, 'diegos').privileged).toBe(false);
    const admins = accounts.filter((a) => a.privileged).map((a) => a.id).sort();
    const expected = [...standIn.state.users.values()].filter((u) => standIn.state.roleTemplateIdsOf(u.id).size > 0).map((u) => u.id).sort();
    expect(admins).toEqual(expected);
  });

  it('flags synced, guest, disabled and the signed-in admin', async () => {
    const accounts = await collectAccounts(connection.directory(), {});
    const state = [...standIn.state.users.values()];
    expect(accounts.filter((a) => a.attributes.synced).length).toBe(state.filter((u) => u.onPremisesSyncEnabled === true).length);
    expect(accounts.filter((a) => a.attributes.guest).length).toBe(state.filter((u) => u.userType === 'Guest').length);
    expect(accounts.filter((a) => !a.enabled).length).toBe(state.filter((u) => !u.accountEnabled).length);
    expect(accounts.filter((a) => a.attributes.synced).length).toBeGreaterThan(10);
    expect(accounts.filter((a) => a.attributes.guest).length).toBeGreaterThan(10);
    expect(accounts.filter((a) => !a.enabled).length).toBeGreaterThan(5);
    const me = accounts.filter((a) => a.attributes.isCurrentUser);
    expect(me.map((a) => a.login)).toEqual([`meganb@${standIn.tenantDomain}`]);
    expect(me[0]?.attributes.isConnectionAccount).toBe(true);
    const guest = accounts.find((a) => a.attributes.guest) as Account;
    expect(guest.login).toContain('#EXT#@');
    expect(guest.attributes.status).toBe('Enabled');
  });

  it('asks Graph for only the properties the console shows', async () => {
    const before = standIn.requests.length;
    const accounts = await collectAccounts(connection.directory(), { pageSize: 999 });
    const listing = standIn.requests.slice(before).filter((r) => r.path === '/users');
    expect(listing.length).toBe(1);
    const select = new URLSearchParams(listing[0]?.query).get('$select');
    expect(select?.split(',')).toEqual(['id', 'userPrincipalName', 'displayName', 'accountEnabled', 'userType', 'onPremisesSyncEnabled', 'mail']);
    // signInActivity needs AuditLog.Read.All, which the least-privilege registration does not have.
    expect(accounts.every((a) => a.attributes.lastSignIn === undefined)).toBe(true);
  });

  it('searches with $search (names in any script, diacritics included) and filters by group', async () => {
    const someone = [...standIn.state.users.values()].find((u) => /[^ -~]/.test(u.displayName) && u.userType === 'Member');
    if (!someone) throw new Error('the seed has no non-ASCII names');
    const word = someone.displayName.split(' ').find((w) => /[^ -~]/.test(w)) as string;
    const found = await collectAccounts(connection.directory(), { search: word });
    expect(found.map((a) => a.id)).toContain(someone.id);
    expect(found.every((a) => a.displayName.toLocaleLowerCase().includes(word.toLocaleLowerCase()) || a.login.startsWith(word.toLowerCase()))).toBe(true);

    const finance = await collectAccounts(connection.directory(), { group: 'Finance' });
    const expected = [...standIn.state.groups.values()].find((g) => g.displayName === 'Finance')?.members ?? [];
    expect(finance.map((a) => a.id).sort()).toEqual([...expected].sort());
    expect(finance.every((a) => a.groups.includes('Finance'))).toBe(true);

    await expect(collectAccounts(connection.directory(), { group: 'No Such Group' })).rejects.toThrow(/no group named "No Such Group"/);
  });
});
