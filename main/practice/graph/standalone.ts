// `npm run standin -- graph`: the Graph + authority stand-in alone, seeded
// with the practice tenant, for manual probing with curl or Graph Explorer
// style tools. Prints where it listens and a delegated admin token; the
// certificate goes to a temp file so curl can trust it (--cacert).
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { practiceTenant } from './seed';
import { startGraphStandIn } from './server';

export async function startStandalone(): Promise<void> {
  const standIn = await startGraphStandIn();
  const dir = await mkdtemp(join(tmpdir(), 'rekey-graph-standin-'));
  const certificateFile = join(dir, 'standin-cert.pem');
  await writeFile(certificateFile, standIn.certificatePem, { mode: 0o600 });
  const admin = `${practiceTenant.operators.privilegedAuthAdmin}@${standIn.tenantDomain}`;
  const token = standIn.authority.issueUserToken(admin, practiceTenant.delegatedClientId, 3600);

  console.log(`graph stand-in: ${standIn.graphBaseUrl}`);
  console.log(`authority: ${standIn.authorityUrl}`);
  console.log(`admin token: ${token}`);
  console.log(`certificate: ${certificateFile}  (curl --cacert ${certificateFile} -H "Authorization: Bearer <token>" ${standIn.graphBaseUrl}/users)`);
  console.log(`tenant: ${standIn.tenantDomain} (${standIn.tenantId}), ${standIn.state.users.size} users; delegated client id ${practiceTenant.delegatedClientId}`);
  console.log('Press Ctrl+C to stop.');

  const stop = (): void => {
    void standIn.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
