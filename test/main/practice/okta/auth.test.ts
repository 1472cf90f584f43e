// The stand-in's OAuth 2.0 for Okta: it must reject what Okta rejects, or a
// client bug would pass here and fail in a real org. JWTs are minted by hand
// (jose) so each rule can be broken on purpose.
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedOrg } from '../../../../main/practice/okta/seed';
import { startOktaStandin, type ObservedExchange, type OktaStandin } from '../../../../main/practice/okta/server';
import { conformanceProblems } from './openapi-validator';

type Key = Awaited<ReturnType<typeof generateKeyPair>>;

let standin: OktaStandin;
let appKey: Key;
let appJwk: JWK;
let clientId: string;
let userId: string;
const exchanges: ObservedExchange[] = [];

beforeAll(async () => {
  const seeded = seedOrg({ users: 15 });
  standin = await startOktaStandin({ state: seeded.state });
  standin.onResponse((exchange) => exchanges.push(exchange));
  appKey = await generateKeyPair('RS256', { extractable: true });
  appJwk = { ...(await exportJWK(appKey.publicKey)), kid: 'app-key-1' };
  const app = seeded.state.registerServiceApp({ name: 'Rekey', jwks: [appJwk as Record<string, unknown>], grantedScopes: new Set(['okta.users.read', 'okta.users.manage']), dpopRequired: true });
  seeded.state.assignRole('SUPER_ADMIN', { kind: 'CLIENT', id: app.clientId }, new Date().toISOString());
  clientId = app.clientId;
  userId = seeded.superAdmin.id;
});

afterAll(async () => {
  await standin.close();
  expect(conformanceProblems(exchanges)).toEqual([]);
});

const tokenUrl = () => `${standin.url}/oauth2/v1/token`;
const now = () => Math.floor(Date.now() / 1000);

async function assertion(overrides: { aud?: string; iss?: string; sub?: string; exp?: number; jti?: string; key?: Key; kid?: string } = {}): Promise<string> {
  return new SignJWT({ aud: overrides.aud ?? tokenUrl(), jti: overrides.jti ?? randomUUID() })
    .setProtectedHeader({ alg: 'RS256', kid: overrides.kid ?? 'app-key-1' })
    .setIssuer(overrides.iss ?? clientId)
    .setSubject(overrides.sub ?? clientId)
    .setIssuedAt()
    .setExpirationTime(overrides.exp ?? now() + 300)
    .sign((overrides.key ?? appKey).privateKey);
}

async function proof(method: string, url: string, options: { nonce?: string; accessToken?: string; key?: Key; jti?: string; htu?: string } = {}): Promise<string> {
  const key = options.key ?? appKey;
  const claims: Record<string, unknown> = { htm: method, htu: options.htu ?? url, jti: options.jti ?? randomUUID(), iat: now() };
  if (options.nonce) claims.nonce = options.nonce;
  if (options.accessToken) claims.ath = Buffer.from(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(options.accessToken))).toString('base64url');
  return new SignJWT(claims).setProtectedHeader({ alg: 'RS256', typ: 'dpop+jwt', jwk: await exportJWK(key.publicKey) }).sign(key.privateKey);
}

async function requestToken(clientAssertion: string, dpop?: string, scope = 'okta.users.read') {
  const response = await fetch(tokenUrl(), {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(dpop ? { DPoP: dpop } : {}) },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope, client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: clientAssertion }),
  });
  return { status: response.status, nonce: response.headers.get('dpop-nonce'), body: (await response.json()) as Record<string, string> };
}

/** The documented dance: first proof without nonce, 400 use_dpop_nonce, then with it. */
async function dpopToken(scope = 'okta.users.read', key: Key = appKey) {
  const challenge = await requestToken(await assertion(), await proof('POST', tokenUrl(), { key }), scope);
  expect(challenge).toMatchObject({ status: 400, body: { error: 'use_dpop_nonce' } });
  const granted = await requestToken(await assertion(), await proof('POST', tokenUrl(), { nonce: challenge.nonce!, key }), scope);
  return granted;
}

async function callApi(path: string, token: string, options: { scheme?: string; proofFor?: { key?: Key; jti?: string; htu?: string; withAth?: boolean }; method?: string } = {}) {
  const method = options.method ?? 'GET';
  const url = `${standin.url}${path}`;
  const headers: Record<string, string> = { Authorization: `${options.scheme ?? 'DPoP'} ${token}` };
  if (options.proofFor) headers.DPoP = await proof(method, url, { ...options.proofFor, accessToken: options.proofFor.withAth === false ? undefined : token });
  const response = await fetch(url, { method, headers });
  const text = await response.text();
  return { status: response.status, challenge: response.headers.get('www-authenticate') ?? '', body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined };
}

describe('token endpoint', () => {
  it('issues a DPoP-bound token after the nonce challenge, bound to the proof key', async () => {
    const granted = await dpopToken();
    expect(granted).toMatchObject({ status: 200, body: { token_type: 'DPoP', expires_in: 3600, scope: 'okta.users.read' } });
    const claims = decodeJwt(granted.body.access_token!);
    expect(claims).toMatchObject({ cid: clientId, sub: clientId, scp: ['okta.users.read'], cnf: { jkt: await calculateJwkThumbprint(await exportJWK(appKey.publicKey)) } });
  });

  it.each([
    ['an audience other than the token endpoint', { aud: 'https://elsewhere.example.com/oauth2/v1/token' }, /audience/],
    ['a subject that differs from the issuer', { sub: '0oaSomeoneElse' }, /issuer and subject/],
    ['an expired assertion', { exp: now() - 10 }, /expired/],
    ['an unknown kid', { kid: 'not-registered' }, /kid/],
  ])('refuses a client assertion with %s', async (_label, overrides, message) => {
    const challenge = await requestToken(await assertion(), await proof('POST', tokenUrl()));
    const result = await requestToken(await assertion(overrides), await proof('POST', tokenUrl(), { nonce: challenge.nonce! }));
    expect(result.status).toBe(401);
    expect(result.body.error).toBe('invalid_client');
    expect(result.body.error_description).toMatch(message);
  });

  it('refuses an assertion signed by a key the app does not have, and a replayed one', async () => {
    const nonce = (await requestToken(await assertion(), await proof('POST', tokenUrl()))).nonce!;
    const stranger = await generateKeyPair('RS256');
    expect((await requestToken(await assertion({ key: stranger }), await proof('POST', tokenUrl(), { nonce }))).body.error_description).toMatch(/signature is invalid/);
    const once = await assertion({ jti: 'replayed-jti' });
    expect((await requestToken(once, await proof('POST', tokenUrl(), { nonce }))).status).toBe(200);
    expect((await requestToken(once, await proof('POST', tokenUrl(), { nonce }))).body.error_description).toMatch(/already been used/);
  });

  it('requires a DPoP proof for the token URL from a DPoP app', async () => {
    expect((await requestToken(await assertion())).body).toEqual({ error: 'invalid_dpop_proof', error_description: 'The DPoP proof JWT header is missing.' });
    expect((await requestToken(await assertion(), await proof('POST', tokenUrl(), { htu: `${standin.url}/oauth2/v1/authorize` }))).body.error_description).toMatch(/'htu'/);
  });

  it('refuses scopes that were not granted with invalid_scope', async () => {
    const nonce = (await requestToken(await assertion(), await proof('POST', tokenUrl()))).nonce!;
    const result = await requestToken(await assertion(), await proof('POST', tokenUrl(), { nonce }), 'okta.users.read okta.roles.read');
    expect(result).toMatchObject({ status: 400, body: { error: 'invalid_scope', error_description: expect.stringContaining('okta.roles.read') } });
  });
});

describe('API calls with a DPoP-bound token', () => {
  let token: string;
  beforeAll(async () => {
    token = (await dpopToken('okta.users.manage')).body.access_token!;
  });

  it('accepts the token with a matching proof (manage includes read)', async () => {
    expect((await callApi(`/api/v1/users/${userId}`, token, { proofFor: {} })).status).toBe(200);
  });

  it.each([
    ['as a Bearer token', { scheme: 'Bearer', proofFor: {} }, 401, /DPoP authorization scheme/],
    ['without a proof', {}, 400, /header is missing/],
    ['with a proof that lacks ath', { proofFor: { withAth: false } }, 400, /'ath'/],
    ['with a proof for another URL', { proofFor: { htu: 'http://127.0.0.1/api/v1/groups' } }, 400, /'htu'/],
  ])('refuses it %s', async (_label, options, status, message) => {
    const result = await callApi(`/api/v1/users/${userId}`, token, options);
    expect(result.status).toBe(status);
    expect(result.challenge).toMatch(message);
  });

  it('refuses a proof from another key and a replayed proof', async () => {
    const stranger = await generateKeyPair('RS256', { extractable: true });
    expect((await callApi(`/api/v1/users/${userId}`, token, { proofFor: { key: stranger } })).challenge).toMatch(/does not match the key/);
    expect((await callApi(`/api/v1/users/${userId}`, token, { proofFor: { jti: 'same-proof' } })).status).toBe(200);
    expect((await callApi(`/api/v1/users/${userId}`, token, { proofFor: { jti: 'same-proof' } })).challenge).toMatch(/already been used/);
  });

  it('answers a missing scope with 403 E0000006 and an insufficient_scope challenge', async () => {
    const readOnly = (await dpopToken('okta.users.read')).body.access_token!;
    const result = await callApi(`/api/v1/users/${userId}/lifecycle/expire_password`, readOnly, { method: 'POST', proofFor: {} });
    expect(result.status).toBe(403);
    expect(result.body).toMatchObject({ errorCode: 'E0000006', errorSummary: 'You do not have permission to perform the requested action' });
    expect(result.challenge).toMatch(/^DPoP .*scope="okta\.users\.manage", error="insufficient_scope"/);
  });
});

describe('API tokens', () => {
  it('an unknown SSWS token is 401 E0000011', async () => {
    const response = await fetch(`${standin.url}/api/v1/users`, { headers: { Authorization: 'SSWS 00notARealToken' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ errorCode: 'E0000011', errorSummary: 'Invalid token provided', errorLink: 'E0000011', errorCauses: [] });
  });
});
