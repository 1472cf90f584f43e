// "Check permissions" against the stand-in: scp/roles from the real token,
// directory roles from Graph, and a one-sentence fix for each missing piece.
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memorySecretStore } from '../../../main/core/ports';
import { EntraConnection } from '../../../main/entra/connection';
import { practiceTenant } from '../../../main/practice/graph/seed';
import type { GraphStandIn } from '../../../main/practice/graph/server';
import { practiceConfig, practiceDeps, signedInConnection, startPracticeStandIn } from './support';

let standIn: GraphStandIn;

beforeAll(async () => {
  standIn = await startPracticeStandIn();
});
afterAll(async () => {
  await standIn?.close();
});

describe('check permissions', () => {
  it('reports a Privileged Authentication Administrator with the least-privilege consent as ready for everyone', async () => {
    const report = await (await signedInConnection(standIn, 'meganb')).checkPermissions();
    expect(report.ready).toBe(true);
    expect(report.canResetOrdinaryUsers).toBe(true);
    expect(report.canResetAdmins).toBe(true);
    expect(report.missing).toEqual([]);
    expect(report.granted).toEqual(expect.arrayContaining(['User-PasswordProfile.ReadWrite.All', 'User.RevokeSessions.All', 'User.Read.All', 'GroupMember.Read.All', 'RoleManagement.Read.Directory']));
    expect(report.directoryRoles.map((r) => r.displayName)).toEqual(['Privileged Authentication Administrator']);
    expect(report.rolesSource).toBe('graph');
  });

  it('tells a User Administrator that admins need Privileged Authentication Administrator, without blocking the run', async () => {
    const report = await (await signedInConnection(standIn, 'alexw')).checkPermissions();
    expect(report.ready).toBe(true);
    expect(report.canResetAdmins).toBe(false);
    expect(report.missing.map((m) => m.name)).toEqual(['Privileged Authentication Administrator']);
    expect(report.missing[0]?.required).toBe(false);
    expect(report.missing[0]?.fix).toBe(
      `Assign the Privileged Authentication Administrator role to alexw@${standIn.tenantDomain} to reset admins; without it admins fail with a clear error and the rest of a run is unaffected.`,
    );
  });

  it('reports a missing directory role for an admin with no role at all', async () => {
    const report = await (await signedInConnection(standIn, 'diegos')).checkPermissions();
    expect(report.ready).toBe(false);
    const role = report.missing.find((m) => m.name === 'User Administrator');
    expect(role).toMatchObject({ kind: 'directory-role', required: true, detail: 'not held' });
    expect(role?.fix).toBe(`Assign the User Administrator role to diegos@${standIn.tenantDomain} in Entra ID (Roles and administrators), then sign in again.`);
  });

  it('reports a permission the app registration lacks, with where to add it', async () => {
    const app = standIn.state.appByClientId(practiceTenant.delegatedClientId);
    if (!app) throw new Error('no app');
    const saved = [...app.delegatedScopes];
    app.delegatedScopes = saved.filter((s) => s !== 'User.RevokeSessions.All');
    try {
      const report = await (await signedInConnection(standIn, 'meganb')).checkPermissions();
      expect(report.ready).toBe(false);
      expect(report.missing.map((m) => m.name)).toEqual(['User.RevokeSessions.All']);
      expect(report.missing[0]?.fix).toBe(
        `Add the Delegated Microsoft Graph permission User.RevokeSessions.All to app registration ${practiceTenant.delegatedClientId} (API permissions), grant admin consent, then sign in again.`,
      );
      expect(report.checks.find((c) => c.name === 'User.Read.All')?.detail).toBe('granted');
    } finally {
      app.delegatedScopes = saved;
    }
  });

  it('checks an app-only connection through its service principal and application permissions', async () => {
    const certificate = await selfsigned.generate([{ name: 'commonName', value: 'Rekey automation' }], { keySize: 2048, algorithm: 'sha256' });
    standIn.registerCertificate(practiceTenant.appOnlyClientId, certificate.cert);
    const connection = new EntraConnection(
      practiceConfig(standIn, { clientId: practiceTenant.appOnlyClientId, mode: 'app-only', certificatePem: certificate.cert }),
      practiceDeps(memorySecretStore()),
    );
    await connection.storeCertificateKey(certificate.private);
    await connection.connectAppOnly();
    const report = await connection.checkPermissions();
    expect(report.mode).toBe('app-only');
    expect(report.granted).toContain('User-PasswordProfile.ReadWrite.All');
    expect(report.directoryRoles.map((r) => r.displayName)).toEqual(['User Administrator']);
    expect(report.canResetAdmins).toBe(false);
    expect(report.missing[0]?.fix).toMatch(/^Assign the Privileged Authentication Administrator role to the app's service principal \(Rekey automation\)/);
  });
});
