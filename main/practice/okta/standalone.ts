// `npm run standin -- okta`: the Okta stand-in alone with the seeded org, for
// probing by hand (curl -H "Authorization: SSWS <token>" <url>/api/v1/users).
// Prints its address and a super admin's API token, one per line.
import { seedOrg } from './seed';
import { startOktaStandin } from './server';

export async function startStandalone(): Promise<void> {
  const seeded = seedOrg();
  const standin = await startOktaStandin({ state: seeded.state });
  console.log(`okta stand-in: ${standin.url}`);
  console.log(`api token: ${seeded.apiToken}`);
  const stop = () => {
    void standin.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
