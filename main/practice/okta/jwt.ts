// Compact JWS helpers for the Okta stand-in, on node:crypto only (the stand-in
// ships with the practice console, so no dev-only JOSE library). Enough to
// verify a private-key-JWT client assertion and a DPoP proof, compute a JWK
// thumbprint (RFC 7638) and sign the access tokens the stand-in issues.
import { createHash, createPublicKey, sign, verify, type JsonWebKey, type KeyObject } from 'node:crypto';

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  signingInput: string;
  signature: Buffer;
}

export class JwtFormatError extends Error {}

export function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export function decodeJwt(token: string): DecodedJwt {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((part) => part.length === 0)) throw new JwtFormatError('not a compact JWS');
  const [head, body, sig] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(head, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) throw new JwtFormatError('header and payload must be JSON objects');
    return { header, payload, signingInput: `${head}.${body}`, signature: Buffer.from(sig, 'base64url') };
  } catch (error) {
    if (error instanceof JwtFormatError) throw error;
    throw new JwtFormatError('header or payload is not base64url JSON');
  }
}

const hashOf: Record<string, string> = {
  RS256: 'sha256', RS384: 'sha384', RS512: 'sha512',
  ES256: 'sha256', ES384: 'sha384', ES512: 'sha512',
};

/** The asymmetric algorithms Okta accepts for client assertions and DPoP proofs. */
export const supportedAlgorithms = Object.keys(hashOf);

export function verifyJwt(decoded: DecodedJwt, jwk: JsonWebKey): boolean {
  const alg = decoded.header.alg;
  if (typeof alg !== 'string' || !(alg in hashOf)) return false;
  let key: KeyObject;
  try {
    key = createPublicKey({ key: publicPart(jwk), format: 'jwk' });
  } catch {
    return false;
  }
  const expectedType = alg.startsWith('RS') ? 'rsa' : 'ec';
  if (key.asymmetricKeyType !== expectedType) return false;
  const data = Buffer.from(decoded.signingInput);
  return verify(hashOf[alg], data, alg.startsWith('ES') ? { key, dsaEncoding: 'ieee-p1363' } : key, decoded.signature);
}

/** RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const members =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === 'EC'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : undefined;
  if (!members || Object.values(members).some((value) => typeof value !== 'string')) throw new JwtFormatError('unsupported JWK');
  return base64url(createHash('sha256').update(JSON.stringify(members)).digest());
}

export function hasPrivateMembers(jwk: JsonWebKey): boolean {
  return ['d', 'p', 'q', 'dp', 'dq', 'qi'].some((member) => member in jwk);
}

export function signJwtRs256(header: Record<string, unknown>, payload: Record<string, unknown>, privateKey: KeyObject): string {
  const signingInput = `${base64url(JSON.stringify({ ...header, alg: 'RS256' }))}.${base64url(JSON.stringify(payload))}`;
  return `${signingInput}.${base64url(sign('sha256', Buffer.from(signingInput), privateKey))}`;
}

export function sha256base64url(text: string): string {
  return base64url(createHash('sha256').update(text).digest());
}

function publicPart(jwk: JsonWebKey): JsonWebKey {
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...rest } = jwk;
  return rest;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
