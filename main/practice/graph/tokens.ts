// JSON Web Tokens for the fake authority and the Graph stand-in: RS256
// signing with the stand-in's own key, verification of the tokens it issued,
// and verification of client assertions signed with a registered
// certificate (RS256 + x5t, or PS256 + x5t#S256 as MSAL sends them).
import { constants, createHash, createPublicKey, generateKeyPairSync, sign, verify, X509Certificate, type KeyObject } from 'node:crypto';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export type JwtPayload = Record<string, unknown>;

export function createSigningKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const der = publicKey.export({ type: 'spki', format: 'der' });
  return { kid: base64url(createHash('sha1').update(der).digest()), privateKey, publicKey };
}

export function jwks(key: SigningKey): { keys: Array<Record<string, unknown>> } {
  const jwk = key.publicKey.export({ format: 'jwk' }) as Record<string, unknown>;
  return { keys: [{ kty: 'RSA', use: 'sig', kid: key.kid, x5t: key.kid, n: jwk.n, e: jwk.e }] };
}

export function signJwt(payload: JwtPayload, key: SigningKey): string {
  const header = { typ: 'JWT', alg: 'RS256', kid: key.kid, x5t: key.kid };
  const input = `${base64url(JSON.stringify(header))}.${base64url(JSON.stringify(payload))}`;
  const signature = sign('sha256', Buffer.from(input), key.privateKey);
  return `${input}.${base64url(signature)}`;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: JwtPayload;
  signingInput: string;
  signature: Buffer;
}

export function decodeJwt(token: string): DecodedJwt | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [h, p, s] = parts as [string, string, string];
  try {
    const header = JSON.parse(Buffer.from(h, 'base64url').toString('utf8')) as Record<string, unknown>;
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8')) as JwtPayload;
    if (typeof header !== 'object' || header === null || typeof payload !== 'object' || payload === null) return null;
    return { header, payload, signingInput: `${h}.${p}`, signature: Buffer.from(s, 'base64url') };
  } catch {
    return null;
  }
}

/** Verify a token this stand-in signed. Returns the payload, or null for a bad signature / malformed token. */
export function verifyOwnJwt(token: string, key: SigningKey): JwtPayload | null {
  const decoded = decodeJwt(token);
  if (!decoded || decoded.header.alg !== 'RS256') return null;
  const ok = verify('sha256', Buffer.from(decoded.signingInput), key.publicKey, decoded.signature);
  return ok ? decoded.payload : null;
}

export interface CertificateThumbprints {
  sha1: string;
  sha256: string;
}

/** base64url of the SHA-1 and SHA-256 of the certificate's DER, as in x5t / x5t#S256. */
export function certificateThumbprints(pem: string): CertificateThumbprints {
  const der = new X509Certificate(pem).raw;
  return {
    sha1: base64url(createHash('sha1').update(der).digest()),
    sha256: base64url(createHash('sha256').update(der).digest()),
  };
}

export type AssertionCheck = { ok: true; payload: JwtPayload } | { ok: false; reason: string };

/**
 * Verify a client assertion (RFC 7523) the way Entra does for certificate
 * credentials: the x5t / x5t#S256 header picks one of the app's registered
 * certificates, whose public key must verify the signature; aud must be the
 * token endpoint; iss and sub must be the client id; it must not be expired.
 */
export function verifyClientAssertion(
  assertion: string,
  options: { clientId: string; tokenEndpoint: string; certificates: string[]; nowSeconds: number },
): AssertionCheck {
  const decoded = decodeJwt(assertion);
  if (!decoded) return { ok: false, reason: 'The client assertion is not a JWT.' };
  const { header, payload } = decoded;
  const x5t = typeof header.x5t === 'string' ? header.x5t : undefined;
  const x5tS256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
  if (!x5t && !x5tS256) return { ok: false, reason: 'The client assertion has neither an x5t nor an x5t#S256 header.' };
  const certificate = options.certificates.find((pem) => {
    const t = certificateThumbprints(pem);
    return (x5t !== undefined && t.sha1 === x5t) || (x5tS256 !== undefined && t.sha256 === x5tS256);
  });
  if (!certificate) return { ok: false, reason: 'The certificate thumbprint in the assertion is not registered for this application.' };
  const publicKey = createPublicKey(new X509Certificate(certificate).publicKey.export({ type: 'spki', format: 'pem' }));
  const data = Buffer.from(decoded.signingInput);
  let signatureOk: boolean;
  if (header.alg === 'RS256') signatureOk = verify('sha256', data, publicKey, decoded.signature);
  else if (header.alg === 'PS256')
    signatureOk = verify('sha256', data, { key: publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO }, decoded.signature);
  else return { ok: false, reason: `The assertion algorithm ${String(header.alg)} is not supported.` };
  if (!signatureOk) return { ok: false, reason: 'The client assertion signature does not verify with the registered certificate.' };
  if (payload.aud !== options.tokenEndpoint) return { ok: false, reason: `The assertion audience must be ${options.tokenEndpoint}.` };
  if (payload.iss !== options.clientId || payload.sub !== options.clientId) return { ok: false, reason: 'The assertion iss and sub must both be the client id.' };
  if (typeof payload.exp !== 'number' || payload.exp < options.nowSeconds) return { ok: false, reason: 'The client assertion has expired.' };
  if (typeof payload.nbf === 'number' && payload.nbf > options.nowSeconds + 300) return { ok: false, reason: 'The client assertion is not yet valid.' };
  return { ok: true, payload };
}

export function base64url(data: string | Buffer): string {
  return Buffer.from(data).toString('base64url');
}
