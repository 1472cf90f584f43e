// The stand-in's self-signed certificate is trusted for its own origin only:
// TLS verification stays on for everything else, and nothing global changes.
import { createServer, type Server } from 'node:https';
import selfsigned from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFetch, MsalNetwork } from '../../../main/entra/transport';
import type { GraphStandIn } from '../../../main/practice/graph/server';
import { startPracticeStandIn } from './support';

let standIn: GraphStandIn;
let other: Server;
let otherOrigin: string;

beforeAll(async () => {
  standIn = await startPracticeStandIn();
  const pems = await selfsigned.generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  other = createServer({ key: pems.private, cert: pems.cert }, (_req, res) => res.end('{"other":true}'));
  await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
  const address = other.address();
  otherOrigin = `https://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  await standIn?.close();
  await new Promise<void>((resolve) => (other ? other.close(() => resolve()) : resolve()));
});

const openIdPath = (s: GraphStandIn): string => `/${s.tenantId}/v2.0/.well-known/openid-configuration`;

describe('createFetch', () => {
  it('reaches the trusted stand-in over verified TLS', async () => {
    const fetchLike = createFetch({ origin: standIn.origin, certificatePem: standIn.certificatePem });
    const response = await fetchLike(`${standIn.origin}${openIdPath(standIn)}`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { issuer: string }).issuer).toBe(`${standIn.origin}/${standIn.tenantId}/v2.0`);
  });

  it('does not extend that trust to any other host, and the platform fetch still refuses the stand-in', async () => {
    const fetchLike = createFetch({ origin: standIn.origin, certificatePem: standIn.certificatePem });
    await expect(fetchLike(`${otherOrigin}/`)).rejects.toThrow();
    await expect(fetch(`${standIn.origin}${openIdPath(standIn)}`)).rejects.toThrow();
    expect(process.env.NODE_TLS_REJECT_UNAUTHORIZED).toBeUndefined();
  });

  it('refuses the trusted origin when it presents a different certificate', async () => {
    const mismatched = createFetch({ origin: otherOrigin, certificatePem: standIn.certificatePem });
    await expect(mismatched(`${otherOrigin}/`)).rejects.toThrow(/fetch failed/);
  });

  it('only trusts https origins', () => {
    expect(() => createFetch({ origin: 'http://127.0.0.1:8080', certificatePem: standIn.certificatePem })).toThrow(/must use https/);
  });
});

describe('MsalNetwork', () => {
  it('answers MSAL with parsed JSON, the status and lower-case header names', async () => {
    const network = new MsalNetwork(createFetch({ origin: standIn.origin, certificatePem: standIn.certificatePem }));
    const reply = await network.sendPostRequestAsync<{ error: string; error_codes: number[] }>(`${standIn.origin}/${standIn.tenantId}/oauth2/v2.0/token`, {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials&client_id=00000000-0000-0000-0000-000000000000',
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('unauthorized_client');
    expect(reply.body.error_codes).toEqual([700016]);
    expect(reply.headers['content-type']).toMatch(/^application\/json/);
  });
});
