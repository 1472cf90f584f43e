// What Rekey changes about the SDK's behaviour, each shown against the SDK
// alone: ambient configuration, token errors, DPoP, and 429 retries.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../../main/core/ports';
import { callOkta } from '../../../main/okta/call';
import { createSdkClient, OktaTokenError } from '../../../main/okta/client';
import { RekeyRequestExecutor } from '../../../main/okta/executor';
import { RatePacer } from '../../../main/okta/pacer';
import { sdk } from '../../../main/okta/sdk';
import { seedOrg } from '../../../main/practice/okta/seed';
import { startOktaStandin, type OktaStandin } from '../../../main/practice/okta/server';
import { startTestOrg, type TestOrg } from '../practice/okta/support/org';
import { conformanceProblems } from '../practice/okta/openapi-validator';

const run = promisify(execFile);
const repo = process.cwd();
let org: TestOrg;

beforeAll(async () => {
  org = await startTestOrg({ users: 60 });
});

afterAll(async () => {
  await org.close();
  expect(conformanceProblems(org.exchanges)).toEqual([]);
});

function rekeyClient(scopes: string[], clientId = org.app.clientId) {
  const executor = new RekeyRequestExecutor({ pacer: new RatePacer({ clock: systemClock, rateShare: 0.9 }), clock: systemClock, requestTimeoutMs: 5000 });
  return createSdkClient({ orgUrl: org.standin.url, auth: { mode: 'private-key', clientId, keyId: org.key.keyId, privateKeyPem: org.key.privateKeyPem, scopes }, executor });
}

function sdkAlone(scopes: string[]) {
  return new sdk.Client({ orgUrl: org.standin.url, authorizationMode: 'PrivateKey', clientId: org.app.clientId, scopes, privateKey: org.key.privateKeyPem, keyId: org.key.keyId });
}

const policy = { clock: systemClock, authMode: 'private-key' as const, max429Retries: 0, transientRetries: 0, transientBackoffMs: 0 };

describe('configuration the SDK would pick up from the machine', () => {
  let wrong: OktaStandin;
  let scratch: string;

  beforeAll(async () => {
    const other = seedOrg({ users: 15, seed: 99 });
    wrong = await startOktaStandin({ state: other.state });
    scratch = mkdtempSync(path.join(tmpdir(), 'rekey-okta-ambient-'));
    const stray = readFileSync(path.join(repo, 'test/fixtures/okta/stray-okta.yaml'), 'utf8').replace('ORG_URL', wrong.url).replace('TOKEN', other.apiToken);
    mkdirSync(path.join(scratch, 'home/.okta'), { recursive: true });
    mkdirSync(path.join(scratch, 'cwd'));
    mkdirSync(path.join(scratch, 'malformed'));
    writeFileSync(path.join(scratch, 'home/.okta/okta.yaml'), stray);
    writeFileSync(path.join(scratch, 'cwd/okta.yaml'), stray);
    writeFileSync(path.join(scratch, 'malformed/okta.yaml'), readFileSync(path.join(repo, 'test/fixtures/okta/malformed-okta.yaml')));
    process.env.REKEY_WRONG_TOKEN = other.apiToken;
  });

  afterAll(async () => {
    await wrong.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('stray OKTA_CLIENT_* variables and okta.yaml files in HOME and the working directory change nothing', async () => {
    const { stdout } = await run(path.join(repo, 'node_modules/.bin/tsx'), [path.join(repo, 'test/main/okta/support/ambient-config-child.ts')], {
      cwd: path.join(scratch, 'cwd'),
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        HOME: path.join(scratch, 'home'),
        USERPROFILE: path.join(scratch, 'home'),
        OKTA_CLIENT_ORGURL: wrong.url,
        OKTA_CLIENT_TOKEN: process.env.REKEY_WRONG_TOKEN,
        OKTA_CLIENT_AUTHORIZATIONMODE: 'SSWS',
        OKTA_CLIENT_CLIENTID: '0oaStrayClient0000000',
        OKTA_CLIENT_SCOPES: 'okta.apps.manage',
        REKEY_TEST_ORG: org.standin.url,
        REKEY_TEST_TOKEN: org.seeded.apiToken,
        REKEY_TEST_CLIENT_ID: org.app.clientId,
        REKEY_TEST_KEY_ID: org.key.keyId,
        REKEY_TEST_PRIVATE_KEY: org.key.privateKeyPem,
        REKEY_TEST_MALFORMED_DIR: path.join(scratch, 'malformed'),
      },
    });
    const report = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, unknown>;
    const lockedOut = [...org.seeded.state.users.values()].filter((user) => user.status === 'LOCKED_OUT').map((user) => user.id).sort();

    // Control: on its own, the SDK would have talked to the other org with the other org's token.
    expect(report.sdkAloneOrgUrl).toBe(wrong.url);
    expect(report.sdkAloneUsesStrayToken).toBe(true);
    expect(String(report.sdkAloneWithMalformedYaml)).toMatch(/^threw:/);
    // Rekey talked only to the org it was given, with both kinds of connection, and a broken okta.yaml did not stop it.
    expect(report.apiTokenIds).toEqual(lockedOut);
    expect(report.serviceAppIds).toEqual(lockedOut);
    expect(report.withMalformedYamlIds).toEqual(lockedOut);
    expect(wrong.requestCounts.size).toBe(0);
  }, 60_000);
});

describe('token endpoint', () => {
  it('answers the DPoP nonce challenge and sends a fresh DPoP proof with every API call', async () => {
    const before = org.exchanges.length;
    const client = rekeyClient(['okta.users.read']);
    const outcome = await callOkta(policy, { idempotent: true, action: 'read a user' }, () => client.userApi.getUser({ userId: org.seeded.superAdmin.id }));
    expect(outcome.ok).toBe(true);
    const exchanges = org.exchanges.slice(before);
    const token = exchanges.filter((exchange) => exchange.path === '/oauth2/v1/token');
    expect(token.map((exchange) => [exchange.status, JSON.parse(exchange.body).error ?? JSON.parse(exchange.body).token_type])).toEqual([
      [400, 'use_dpop_nonce'],
      [200, 'DPoP'],
    ]);
    expect(token.every((exchange) => exchange.dpopProof)).toBe(true);
    const api = exchanges.filter((exchange) => exchange.path.startsWith('/api/'));
    expect(api.map((exchange) => [exchange.scheme, exchange.dpopProof, exchange.status])).toEqual([['DPoP', true, 200]]);
  });

  it('with an app that does not require DPoP the proof is ignored and the token is a Bearer token', async () => {
    const bearerOrg = await startTestOrg({ users: 15, dpopRequired: false });
    try {
      const executor = new RekeyRequestExecutor({ pacer: new RatePacer({ clock: systemClock, rateShare: 0.9 }), clock: systemClock, requestTimeoutMs: 5000 });
      const client = createSdkClient({ orgUrl: bearerOrg.standin.url, auth: { mode: 'private-key', clientId: bearerOrg.app.clientId, keyId: bearerOrg.key.keyId, privateKeyPem: bearerOrg.key.privateKeyPem, scopes: ['okta.users.read'] }, executor });
      await client.userApi.getUser({ userId: bearerOrg.seeded.superAdmin.id });
      const token = bearerOrg.exchanges.filter((exchange) => exchange.path === '/oauth2/v1/token');
      expect(token.map((exchange) => [exchange.status, exchange.dpopProof, JSON.parse(exchange.body).token_type])).toEqual([[200, true, 'Bearer']]);
      expect(bearerOrg.exchanges.filter((exchange) => exchange.path.startsWith('/api/')).map((exchange) => [exchange.scheme, exchange.dpopProof])).toEqual([['Bearer', false]]);
    } finally {
      await bearerOrg.close();
    }
  });

  it('the SDK alone caches a refused token request and reports "Invalid token provided"; Rekey reports the refusal', async () => {
    const alone = await sdkAlone(['okta.apps.manage']).userApi.getUser({ userId: org.seeded.superAdmin.id }).catch((error: unknown) => error);
    expect(alone).toMatchObject({ status: 401, errorCode: 'E0000011' });

    const outcome = await callOkta(policy, { idempotent: true, action: 'read a user' }, () => rekeyClient(['okta.apps.manage']).userApi.getUser({ userId: org.seeded.superAdmin.id }));
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.failure).toMatchObject({ kind: 'missing-scope', errorCode: 'invalid_scope' });
    expect(outcome.failure.message).toContain('okta.apps.manage');
    expect(outcome.evidence).toEqual([expect.objectContaining({ url: '/oauth2/v1/token', status: 400, errorCode: 'invalid_scope' })]);
  });

  it('an unknown client id is refused as invalid_client with a sentence about the key', async () => {
    const error = await rekeyClient(['okta.users.read'], '0oaUnknownClient00000').userApi.getUser({ userId: 'me' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OktaTokenError);
    expect(error).toMatchObject({ error: 'invalid_client' });
  });

  it('concurrent first calls share one token request', async () => {
    const before = org.exchanges.length;
    const client = rekeyClient(['okta.users.read']);
    await Promise.all(Array.from({ length: 5 }, () => client.userApi.getUser({ userId: org.seeded.superAdmin.id })));
    const tokens = org.exchanges.slice(before).filter((exchange) => exchange.path === '/oauth2/v1/token' && exchange.status === 200);
    expect(tokens).toHaveLength(1);
  });
});

describe('429 handling', () => {
  it('the SDK alone retries a 429 behind the caller\'s back; Rekey\'s executor lets it surface once', async () => {
    org.standin.faults.add({ method: 'GET', path: `/api/v1/users/${org.seeded.superAdmin.id}`, times: 1, action: { kind: 'rate-limit', resetInSeconds: 0 } });
    const before = org.exchanges.length;
    const alone = new sdk.Client({ orgUrl: org.standin.url, token: org.seeded.apiToken, authorizationMode: 'SSWS' });
    const user = await alone.userApi.getUser({ userId: org.seeded.superAdmin.id });
    expect(user.id).toBe(org.seeded.superAdmin.id);
    const sdkExchanges = org.exchanges.slice(before);
    expect(sdkExchanges.map((exchange) => [exchange.status, exchange.retryCount])).toEqual([
      [429, undefined],
      [200, '1'],
    ]);

    org.standin.faults.add({ method: 'GET', path: `/api/v1/users/${org.seeded.superAdmin.id}`, times: 1, action: { kind: 'rate-limit', resetInSeconds: 0 } });
    const client = rekeyClient(['okta.users.read']);
    const outcome = await callOkta({ ...policy, max429Retries: 0 }, { idempotent: true, action: 'read a user' }, () => client.userApi.getUser({ userId: org.seeded.superAdmin.id }));
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.failure).toMatchObject({ kind: 'rate-limited', status: 429, errorCode: 'E0000047', retryable: true });
  });
});
