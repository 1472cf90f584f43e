// Graph failures become sentences that say what to do, and whether a retry can help.
import { describe, expect, it } from 'vitest';
import { explainFailure, type FailureContext } from '../../../main/entra/errors';
import type { PermissionReport } from '../../../main/entra/permissions';

const ordinaryUser: FailureContext['account'] = { login: 'ana.silva@contoso.onmicrosoft.com', privileged: false };
const admin: FailureContext['account'] = { login: 'patti@contoso.onmicrosoft.com', privileged: true, privilegedWhy: 'Global Administrator role' };
const base: FailureContext = { operation: 'force-change', account: ordinaryUser, mode: 'delegated', actor: 'alexw@contoso.onmicrosoft.com' };
const facts = { attempts: 1, exhausted: false };

describe('explainFailure', () => {
  it('names the role an admin target needs', () => {
    const out = explainFailure({ ...facts, status: 403, errorCode: 'Authorization_RequestDenied' }, { ...base, account: admin, operation: 'end-sessions' });
    expect(out.retryable).toBe(false);
    expect(out.message).toBe(
      'patti@contoso.onmicrosoft.com is an admin (Global Administrator role), and ending sessions for an admin needs the Privileged Authentication Administrator role, which alexw@contoso.onmicrosoft.com does not hold; assign it in Roles and administrators or exclude this admin from the run.',
    );
  });

  it('names the role for ordinary users, and the service principal for app-only connections', () => {
    const out = explainFailure({ ...facts, status: 403 }, { ...base, mode: 'app-only', actor: "the app's service principal" });
    expect(out.message).toBe(
      "the app's service principal lacks a directory role that allows setting \"change password at next sign-in\" for ana.silva@contoso.onmicrosoft.com; assign User Administrator (or Privileged Authentication Administrator) in Roles and administrators and run again.",
    );
  });

  it('points at the missing permission when the last check found one', () => {
    const permissions = {
      checks: [{ name: 'User.RevokeSessions.All', satisfied: false, fix: 'Add the Delegated Microsoft Graph permission User.RevokeSessions.All to app registration X (API permissions), grant admin consent, then sign in again.' }],
    } as unknown as PermissionReport;
    const out = explainFailure({ ...facts, status: 403 }, { ...base, operation: 'end-sessions', permissions });
    expect(out.message).toBe(
      "Rekey's app registration has no User.RevokeSessions.All permission, which is needed for ending sessions (ana.silva@contoso.onmicrosoft.com); add the Delegated Microsoft Graph permission User.RevokeSessions.All to app registration X (API permissions), grant admin consent, then sign in again.",
    );
  });

  it('recognises the on-premises refusal of synced users', () => {
    const out = explainFailure(
      {
        ...facts,
        status: 400,
        errorCode: 'Request_BadRequest',
        errorMessage: 'Unable to update the specified properties for on-premises mastered Directory Sync objects or objects currently undergoing migration.',
      },
      base,
    );
    expect(out).toEqual({
      retryable: false,
      message:
        'ana.silva@contoso.onmicrosoft.com is synchronised from on-premises Active Directory, so Entra ID refuses the change in the cloud; set "User must change password at next logon" for this user in Active Directory instead.',
    });
  });

  it('marks throttling, outages and network failures as retryable, and says how many attempts were made', () => {
    expect(explainFailure({ status: 429, attempts: 6, exhausted: true }, base)).toMatchObject({ retryable: true, message: expect.stringContaining('after 6 attempt(s)') });
    expect(explainFailure({ status: 503, errorCode: 'serviceNotAvailable', attempts: 6, exhausted: true }, base).retryable).toBe(true);
    expect(explainFailure({ status: 0, errorCode: 'NetworkFailure', attempts: 3, exhausted: true }, base).message).toMatch(/may or may not have applied, so run it again and let verify decide/);
  });

  it('asks for a new sign-in when the session is gone, and reports deleted users and defects', () => {
    expect(explainFailure({ status: 0, errorCode: 'SignInRequiredError', attempts: 1, exhausted: false }, base).message).toBe(
      'Rekey\'s Entra ID sign-in expired or was revoked before setting "change password at next sign-in" for ana.silva@contoso.onmicrosoft.com; sign in again from Connections and run again.',
    );
    expect(explainFailure({ status: 404, attempts: 1, exhausted: false }, base).message).toMatch(/no longer exists in Entra ID/);
    // A 400 on the password step names the known cause (federated sign-in) and where to act;
    // on any other step it is reported as a defect with the request id.
    const passwordRefused = explainFailure({ status: 400, errorCode: 'BadRequest', errorMessage: 'nope', attempts: 1, exhausted: false }, base).message;
    expect(passwordRefused).toMatch(/federated to another identity provider/);
    expect(passwordRefused).toContain('BadRequest: nope');
    expect(explainFailure({ status: 400, errorCode: 'BadRequest', errorMessage: 'nope', attempts: 1, exhausted: false }, { ...base, operation: 'end-sessions' }).message).toMatch(/Rekey defect/);
  });
});
