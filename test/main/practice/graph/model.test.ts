// The CSDL model, the seeded tenant and the stand-in's write throttle.
import { describe, expect, it } from 'vitest';
import { loadGraphModel } from '../../../../main/practice/graph/metadata';
import { asciiAlias, practiceTenant, seedTenant } from '../../../../main/practice/graph/seed';
import { roleTemplates } from '../../../../main/practice/graph/state';
import { WriteThrottle } from '../../../../main/practice/graph/throttle';

describe('Graph v1.0 CSDL', () => {
  it('knows the user entity (with inherited properties), passwordProfile and the revokeSignInSessions action', async () => {
    const model = await loadGraphModel('../shared/specs/graph-v1.0-metadata.xml');
    expect(model.property('microsoft.graph.user', 'passwordProfile')?.type).toBe('microsoft.graph.passwordProfile');
    expect(model.property('microsoft.graph.user', 'signInSessionsValidFromDateTime')?.type).toBe('Edm.DateTimeOffset');
    expect(model.property('microsoft.graph.user', 'id')?.type).toBe('Edm.String');
    expect(model.property('microsoft.graph.user', 'deletedDateTime')).toBeDefined();
    expect(model.property('microsoft.graph.user', 'forceChangePasswordNextSignIn')).toBeUndefined();
    expect(model.isNavigation('microsoft.graph.user', 'manager')).toBe(true);
    expect([...(model.type('microsoft.graph.passwordProfile')?.properties.keys() ?? [])].sort()).toEqual(
      ['forceChangePasswordNextSignIn', 'forceChangePasswordNextSignInWithMfa', 'password'].sort(),
    );
    expect(model.hasBoundAction('microsoft.graph.user', 'revokeSignInSessions')).toBe(true);
    // Parsed once per process.
    expect(await loadGraphModel('../shared/specs/graph-v1.0-metadata.xml')).toBe(model);
  });
});

describe('seeded practice tenant', () => {
  it('is realistic: hundreds of users, synced, guests, disabled, admins, names from many languages', () => {
    const state = seedTenant();
    const users = [...state.users.values()];
    expect(users.length).toBeGreaterThanOrEqual(250);
    expect(users.filter((u) => u.onPremisesSyncEnabled === true).length).toBeGreaterThan(20);
    expect(users.filter((u) => u.userType === 'Guest').length).toBeGreaterThan(15);
    expect(users.filter((u) => !u.accountEnabled).length).toBeGreaterThan(10);
    expect(users.filter((u) => /[^ -~]/.test(u.displayName)).length).toBeGreaterThan(50);
    expect(users.every((u) => /^[a-z0-9._#-]+(_[a-z.]+#EXT#)?@[a-z.]+$/i.test(u.userPrincipalName))).toBe(true);
    expect(new Set(users.map((u) => u.userPrincipalName.toLowerCase())).size).toBe(users.length);
    const megan = state.findUser(`${practiceTenant.operators.privilegedAuthAdmin}@${practiceTenant.domain}`);
    expect(state.roleTemplateIdsOf(megan?.id as string)).toEqual(new Set([roleTemplates.privilegedAuthenticationAdministrator]));
    const grady = state.findUser(`gradya@${practiceTenant.domain}`);
    expect(state.roleTemplateIdsOf(grady?.id as string)).toEqual(new Set([roleTemplates.privilegedRoleAdministrator]));
  });

  it('is deterministic', () => {
    const a = [...seedTenant().users.values()].map((u) => `${u.id} ${u.userPrincipalName}`);
    const b = [...seedTenant().users.values()].map((u) => `${u.id} ${u.userPrincipalName}`);
    expect(a).toEqual(b);
    expect(asciiAlias('Łukasz Søndergaard-Çelik')).toBe('lukaszsondergaardcelik');
  });
});

describe('WriteThrottle', () => {
  it('allows the quota, then answers with an integer Retry-After in service seconds', () => {
    let now = 0;
    const throttle = new WriteThrottle({ writesPerWindow: 3000, windowSeconds: 150, timeScale: 0.001, now: () => now });
    for (let i = 0; i < 3000; i++) expect(throttle.take('app|tenant').allowed).toBe(true);
    expect(throttle.take('app|tenant')).toEqual({ allowed: false, retryAfterSeconds: 1 });
    expect(throttle.take('other-app|tenant').allowed).toBe(true);
    now += 150; // 150 real ms = 150 service seconds at this scale: the window refilled
    expect(throttle.take('app|tenant').allowed).toBe(true);
  });

  it('rounds the wait up to whole seconds', () => {
    const throttle = new WriteThrottle({ writesPerWindow: 10, windowSeconds: 150, timeScale: 1, now: () => 0 });
    for (let i = 0; i < 10; i++) throttle.take('k');
    expect(throttle.take('k')).toEqual({ allowed: false, retryAfterSeconds: 15 });
  });
});
