// The fake identity platform enforces what Entra enforces on the flows Rekey
// uses: PKCE, registered redirect URIs, single-use codes, device code
// polling, refresh tokens that die with revokeSignInSessions, and
// certificate client assertions (signature, thumbprint, aud, iss/sub).
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetch, type FetchLike } from '../../../../main/entra/transport';
import { practiceTenant } from '../../../../main/practice/graph/seed';
import { startGraphStandIn, type GraphStandIn } from '../../../../main/practice/graph/server';
import { certificateThumbprints } from '../../../../main/practice/graph/tokens';

let standIn: GraphStandIn;
let fetchLike: FetchLike;
const client = practiceTenant.delegatedClientId;

beforeAll(async () => {
  standIn = await startGraphStandIn({ timeScale: 0.001 });
  fetchLike = createFetch({ origin: standIn.origin, certificatePem: standIn.certificatePem });
});
afterAll(async () => {
  await standIn?.close();
});

const tokenUrl = (): string => `${standIn.authorityUrl}/oauth2/v2.0/token`;

async function post(url: string, form: Record<string, string>): Promise<{ status: number; body: Record<string, any> }> { // eslint-disable-line @typescript-eslint/no-explicit-any
  const response = await fetchLike(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form).toString() });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

function claims(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/** Follow the authorize URL like a browser and return the form_post fields (or the page). */
async function authorize(params: Record<string, string>): Promise<{ fields: Record<string, string>; html: string; status: number }> {
  const url = new URL(`${standIn.authorityUrl}/oauth2/v2.0/authorize`);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  const response = await fetchLike(url.href);
  const html = await response.text();
  const fields: Record<string, string> = {};
  for (const m of html.matchAll(/name="([^"]+)" value="([^"]*)"/g)) fields[m[1] as string] = m[2] as string;
  return { fields, html, status: response.status };
}

function pkce(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

const redirect = 'http://localhost:51234';

describe('OpenID metadata', () => {
  it('is served for the tenant id and its domain, not for other tenants', async () => {
    for (const tenant of [standIn.tenantId, standIn.tenantDomain]) {
      const response = await fetchLike(`${standIn.origin}/${tenant}/v2.0/.well-known/openid-configuration`);
      const body = (await response.json()) as Record<string, string>;
      expect(body.token_endpoint).toBe(`${standIn.origin}/${tenant}/oauth2/v2.0/token`);
      expect(body.issuer).toBe(`${standIn.origin}/${standIn.tenantId}/v2.0`);
    }
    expect((await fetchLike(`${standIn.origin}/fabrikam.onmicrosoft.com/v2.0/.well-known/openid-configuration`)).status).toBe(404);
  });
});

describe('authorization code + PKCE', () => {
  const base = { client_id: client, redirect_uri: redirect, response_type: 'code', response_mode: 'form_post', scope: 'https://graph.microsoft.com/.default openid profile offline_access', state: 's1', client_info: '1' };

  it('issues a single-use code bound to the PKCE verifier and redirect URI', async () => {
    const { verifier, challenge } = pkce();
    const { fields, html } = await authorize({ ...base, code_challenge: challenge, code_challenge_method: 'S256' });
    expect(html).toContain(`action="${redirect}"`);
    expect(fields.state).toBe('s1');
    const wrong = await post(tokenUrl(), { grant_type: 'authorization_code', client_id: client, code: fields.code as string, redirect_uri: redirect, code_verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error_codes).toEqual([501481]);

    const again = await authorize({ ...base, code_challenge: challenge, code_challenge_method: 'S256' });
    const ok = await post(tokenUrl(), { grant_type: 'authorization_code', client_id: client, code: again.fields.code as string, redirect_uri: redirect, code_verifier: verifier });
    expect(ok.status).toBe(200);
    const access = claims(ok.body.access_token as string);
    expect(access).toMatchObject({ aud: 'https://graph.microsoft.com', tid: standIn.tenantId, idtyp: 'user', upn: `meganb@${standIn.tenantDomain}` });
    expect(String(access.scp).split(' ')).toContain('User-PasswordProfile.ReadWrite.All');
    expect(access.exp).toBeGreaterThan(Date.now() / 1000);
    const reuse = await post(tokenUrl(), { grant_type: 'authorization_code', client_id: client, code: again.fields.code as string, redirect_uri: redirect, code_verifier: verifier });
    expect(reuse.body.error).toBe('invalid_grant');
  });

  it('requires PKCE (S256) from a public client and a registered redirect URI', async () => {
    const missing = await authorize(base);
    expect(missing.fields).toMatchObject({ error: 'invalid_request', state: 's1' });
    const plain = await authorize({ ...base, code_challenge: 'abc', code_challenge_method: 'plain' });
    expect(plain.fields.error).toBe('invalid_request');
    const elsewhere = await authorize({ ...base, redirect_uri: 'https://evil.example/cb', code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.html).toContain('AADSTS50011');
  });

  it('refuses scopes nobody consented to', async () => {
    const { fields } = await authorize({ ...base, scope: 'https://graph.microsoft.com/Mail.ReadWrite openid', code_challenge: pkce().challenge, code_challenge_method: 'S256' });
    expect(fields.error).toBe('consent_required');
    expect(fields.error_description).toMatch(/^AADSTS65001/);
  });
});

describe('device code', () => {
  it('keeps the client polling until the code is approved, then issues tokens once', async () => {
    const start = await post(`${standIn.authorityUrl}/oauth2/v2.0/devicecode`, { client_id: client, scope: 'https://graph.microsoft.com/.default offline_access openid' });
    expect(start.body.user_code).toMatch(/^[A-Z2-9]{9}$/);
    const poll = { grant_type: 'device_code', client_id: client, device_code: start.body.device_code as string };
    expect((await post(tokenUrl(), poll)).body.error).toBe('authorization_pending');
    standIn.authority.approveDeviceCode(start.body.user_code as string, `alexw@${standIn.tenantDomain}`);
    const done = await post(tokenUrl(), poll);
    expect(claims(done.body.access_token as string).upn).toBe(`alexw@${standIn.tenantDomain}`);
    expect((await post(tokenUrl(), poll)).body.error).toBe('invalid_grant');
  });
});

describe('refresh tokens', () => {
  it('stop working once the user’s sessions are revoked', async () => {
    const start = await post(`${standIn.authorityUrl}/oauth2/v2.0/devicecode`, { client_id: client, scope: 'https://graph.microsoft.com/.default offline_access' });
    standIn.authority.approveDeviceCode(start.body.user_code as string, `diegos@${standIn.tenantDomain}`);
    const tokens = await post(tokenUrl(), { grant_type: 'device_code', client_id: client, device_code: start.body.device_code as string });
    const refresh = { grant_type: 'refresh_token', client_id: client, refresh_token: tokens.body.refresh_token as string };
    expect((await post(tokenUrl(), refresh)).status).toBe(200);

    const diego = standIn.state.findUser(`diegos@${standIn.tenantDomain}`)?.id as string;
    const admin = standIn.authority.issueUserToken(`meganb@${standIn.tenantDomain}`, client);
    await fetchLike(`${standIn.graphBaseUrl}/users/${diego}/revokeSignInSessions`, { method: 'POST', headers: { Authorization: `Bearer ${admin}` } });

    const refused = await post(tokenUrl(), refresh);
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_grant');
    expect(refused.body.error_codes).toEqual([50173]);
  });
});

describe('client credentials with a certificate', () => {
  it('verifies the assertion: registered certificate, signature, audience and issuer', async () => {
    const certificate = await selfsigned.generate([{ name: 'commonName', value: 'automation' }], { keySize: 2048, algorithm: 'sha256' });
    standIn.registerCertificate(practiceTenant.appOnlyClientId, certificate.cert);
    const assertion = (payload: Record<string, unknown>, key = certificate.private, cert = certificate.cert): string => {
      const header = { alg: 'RS256', typ: 'JWT', x5t: certificateThumbprints(cert).sha1 };
      const input = `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}`;
      return `${input}.${sign('sha256', Buffer.from(input), createPrivateKey(key)).toString('base64url')}`;
    };
    const now = Math.floor(Date.now() / 1000);
    const good = { aud: tokenUrl(), iss: practiceTenant.appOnlyClientId, sub: practiceTenant.appOnlyClientId, exp: now + 600, nbf: now, jti: 'x' };
    const form = (jwt: string, scope = 'https://graph.microsoft.com/.default'): Record<string, string> => ({
      grant_type: 'client_credentials',
      client_id: practiceTenant.appOnlyClientId,
      scope,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: jwt,
    });

    const ok = await post(tokenUrl(), form(assertion(good)));
    expect(ok.status).toBe(200);
    expect(claims(ok.body.access_token as string)).toMatchObject({ idtyp: 'app', roles: expect.arrayContaining(['User.RevokeSessions.All']) });
    expect(ok.body).not.toHaveProperty('refresh_token');

    expect((await post(tokenUrl(), form(assertion({ ...good, aud: 'https://login.microsoftonline.com/common/oauth2/v2.0/token' })))).body.error).toBe('invalid_client');
    expect((await post(tokenUrl(), form(assertion({ ...good, iss: 'someone-else' })))).body.error).toBe('invalid_client');
    expect((await post(tokenUrl(), form(assertion({ ...good, exp: now - 10 })))).body.error).toBe('invalid_client');
    const other = await selfsigned.generate([{ name: 'commonName', value: 'other' }], { keySize: 2048, algorithm: 'sha256' });
    // Right thumbprint, wrong key: the signature does not verify.
    const forged = await post(tokenUrl(), form(assertion(good, other.private, certificate.cert)));
    expect(forged.status).toBe(401);
    expect(forged.body.error_description).toMatch(/signature does not verify/);
    expect((await post(tokenUrl(), form(assertion(good), 'https://graph.microsoft.com/User.Read.All'))).body.error).toBe('invalid_scope');
  });
});
