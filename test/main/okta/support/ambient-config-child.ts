// Run by client.test.ts in a child process whose environment, working
// directory and HOME hold a stray Okta configuration pointing at another org.
// Prints one JSON line: what the SDK alone would have used, and what Rekey did.
import { collectAccounts } from '../../../../main/core/domain';
import { memorySecretStore } from '../../../../main/core/ports';
import { apiTokenConnection, apiTokenSecretName, privateKeyConnection, privateKeySecretName } from '../../../../main/okta/connection';
import { OktaDirectory } from '../../../../main/okta/directory';
import { sdk } from '../../../../main/okta/sdk';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
};

async function main(): Promise<void> {
  const orgUrl = env('REKEY_TEST_ORG');
  const report: Record<string, unknown> = {};

  // Control: the SDK on its own picks up the stray configuration.
  const raw = new sdk.Client({ scopes: [] as string[] } as ConstructorParameters<typeof sdk.Client>[0]);
  report.sdkAloneOrgUrl = raw.baseUrl;
  report.sdkAloneUsesStrayToken = raw.apiToken === process.env.OKTA_CLIENT_TOKEN;

  const secrets = memorySecretStore();
  const tokenConnection = apiTokenConnection(orgUrl);
  await secrets.set(apiTokenSecretName(tokenConnection), env('REKEY_TEST_TOKEN'));
  const appConnection = privateKeyConnection(orgUrl, env('REKEY_TEST_CLIENT_ID'), env('REKEY_TEST_KEY_ID'));
  await secrets.set(privateKeySecretName(appConnection), env('REKEY_TEST_PRIVATE_KEY'));
  const query = { search: 'status eq "LOCKED_OUT"' };
  report.apiTokenIds = (await collectAccounts(new OktaDirectory(tokenConnection, secrets), query)).map((account) => account.id).sort();
  report.serviceAppIds = (await collectAccounts(new OktaDirectory(appConnection, secrets), query)).map((account) => account.id).sort();

  // A malformed okta.yaml in the working directory: the SDK alone throws while constructing.
  process.chdir(env('REKEY_TEST_MALFORMED_DIR'));
  try {
    new sdk.Client({ orgUrl, token: 'x' });
    report.sdkAloneWithMalformedYaml = 'constructed';
  } catch (error) {
    report.sdkAloneWithMalformedYaml = `threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
  report.withMalformedYamlIds = (await collectAccounts(new OktaDirectory(tokenConnection, secrets), query)).map((account) => account.id).sort();
  console.log(JSON.stringify(report));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.stack : String(error));
  process.exitCode = 1;
});
