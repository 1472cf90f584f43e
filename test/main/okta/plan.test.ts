// What a reset will do to an Okta account, decided without any request.
import { describe, expect, it } from 'vitest';
import { defaultResetOptions, type Account } from '../../../main/core/domain';
import { planOktaReset } from '../../../main/okta/plan';

function account(status: string, overrides: Partial<Account> & { provider?: string } = {}): Account {
  const { provider, ...rest } = overrides;
  return { directoryId: 'okta:x', kind: 'okta', id: '00u1', login: 'ana@example.com', displayName: 'Ana', enabled: true, privileged: false, groups: [], attributes: { status, credentialProvider: provider ?? 'OKTA' }, ...rest };
}

const applicability = (plan: ReturnType<typeof planOktaReset>) => Object.fromEntries(plan.steps.map((step) => [step.step, step.applicable]));

describe('planOktaReset', () => {
  it.each([
    ['ACTIVE', true, true],
    ['PASSWORD_EXPIRED', true, true],
    ['LOCKED_OUT', true, true],
    ['RECOVERY', true, true],
    ['PROVISIONED', false, true],
    ['SUSPENDED', false, true],
    ['STAGED', false, false],
    ['DEPROVISIONED', false, false],
  ])('%s: expire password %s, end sessions %s', (status, expire, sessions) => {
    const plan = planOktaReset(account(status), defaultResetOptions);
    expect(applicability(plan)).toEqual({ 'force-change': expire, 'end-sessions': sessions });
    for (const step of plan.steps.filter((candidate) => !candidate.applicable)) expect(step.description).toContain(status);
  });

  it('warns that an AD-delegated password is expired in AD too', () => {
    const plan = planOktaReset(account('ACTIVE', { provider: 'ACTIVE_DIRECTORY' }), defaultResetOptions);
    expect(plan.warnings).toEqual([{ kind: 'ad-delegated-password', message: expect.stringContaining('also expires it in Active Directory') }]);
    expect(applicability(plan)['force-change']).toBe(true);
  });

  it('does not expire a federated user\'s password, but still ends sessions', () => {
    const plan = planOktaReset(account('ACTIVE', { provider: 'FEDERATION' }), defaultResetOptions);
    expect(applicability(plan)).toEqual({ 'force-change': false, 'end-sessions': true });
    expect(plan.warnings.map((warning) => warning.kind)).toEqual(['federated-password']);
  });

  it('warns when an admin needs a stronger role than the connection holds', () => {
    const admin = account('ACTIVE', { privileged: true, privilegedWhy: 'SUPER_ADMIN role (Super Administrator)' });
    expect(planOktaReset(admin, defaultResetOptions, { connectionRoles: ['USER_ADMIN'] }).warnings.map((warning) => warning.kind)).toEqual(['privileged-needs-stronger-role']);
    expect(planOktaReset(admin, defaultResetOptions, { connectionRoles: ['SUPER_ADMIN'] }).warnings).toEqual([]);
    expect(planOktaReset(admin, defaultResetOptions, {}).warnings).toEqual([]);
  });

  it('warns about the API token\'s own admin', () => {
    const self = account('ACTIVE', { attributes: { status: 'ACTIVE', isConnectionAccount: true } });
    expect(planOktaReset(self, defaultResetOptions).warnings.map((warning) => warning.kind)).toEqual(['connection-account']);
  });

  it('follows the options: only the steps asked for, OAuth tokens and devices as chosen', () => {
    expect(planOktaReset(account('ACTIVE'), { ...defaultResetOptions, endSessions: false }).steps.map((step) => step.step)).toEqual(['force-change']);
    const sessions = planOktaReset(account('ACTIVE'), { ...defaultResetOptions, forceChange: false, revokeOAuthTokens: false, forgetDevices: true }).steps;
    expect(sessions).toEqual([{ step: 'end-sessions', applicable: true, description: 'End all Okta sessions (OAuth tokens are kept), and forget remembered devices.' }]);
  });
});
