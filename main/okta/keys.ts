// The key pair of Rekey's Okta API service app (client credentials with a
// private-key JWT). Rekey generates it (RSA 2048) or imports one (PEM or JWK),
// shows the public JWK to paste into Okta, and keeps the private key only in
// the SecretStore. RSA only: the SDK signs its DPoP proofs with RS256 whatever
// the key type, so an EC key would produce proofs Okta rejects.
import { createHash, createPrivateKey, createPublicKey, generateKeyPair, type JsonWebKey, type KeyObject } from 'node:crypto';
import { promisify } from 'node:util';

export type PublicJwk = {
  kty: 'RSA';
  e: string;
  n: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
};

export interface ServiceAppKey {
  /** PKCS#8 PEM. A secret: goes to the SecretStore and nowhere else. */
  privateKeyPem: string;
  /** Paste this into Okta: Applications > (the app) > General > Public keys > Add key. */
  publicJwk: PublicJwk;
  keyId: string;
}

export class KeyImportError extends Error {}

const minimumModulusBits = 2048;

export async function generateServiceAppKey(): Promise<ServiceAppKey> {
  const { privateKey } = await promisify(generateKeyPair)('rsa', { modulusLength: 2048, publicExponent: 0x10001 });
  return describeKey(privateKey);
}

/** Accept a private key as PEM (PKCS#1 or PKCS#8) or as a private JWK (as Okta's "Generate new key" downloads it). */
export function importServiceAppKey(text: string): ServiceAppKey {
  const trimmed = text.trim();
  let key: KeyObject;
  let kid: string | undefined;
  try {
    if (trimmed.startsWith('{')) {
      const jwk = JSON.parse(trimmed) as JsonWebKey & { kid?: unknown };
      if (typeof jwk.d !== 'string') throw new KeyImportError('This JWK is a public key. Rekey needs the private key (the JWK with a "d" member) to sign its requests.');
      key = createPrivateKey({ key: jwk, format: 'jwk' });
      kid = typeof jwk.kid === 'string' && jwk.kid.length > 0 ? jwk.kid : undefined;
    } else if (/-----BEGIN (RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(trimmed)) {
      if (trimmed.includes('ENCRYPTED PRIVATE KEY')) throw new KeyImportError('This PEM key is encrypted. Export it without a passphrase; Rekey encrypts it at rest itself.');
      key = createPrivateKey({ key: trimmed, format: 'pem' });
    } else {
      throw new KeyImportError('Paste a private key: a PEM block ("-----BEGIN PRIVATE KEY-----") or a private JWK in JSON.');
    }
  } catch (error) {
    if (error instanceof KeyImportError) throw error;
    throw new KeyImportError('This text is not a readable private key. Paste the whole PEM block or JWK, unchanged.');
  }
  return describeKey(key, kid);
}

function describeKey(privateKey: KeyObject, kid?: string): ServiceAppKey {
  if (privateKey.asymmetricKeyType !== 'rsa') {
    throw new KeyImportError('Use an RSA key of 2048 bits or more: the Okta SDK signs DPoP proofs with RS256 only.');
  }
  const bits = privateKey.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < minimumModulusBits) throw new KeyImportError(`This RSA key has ${bits} bits; Okta requires at least ${minimumModulusBits}.`);
  const publicJwk = createPublicKey(privateKey).export({ format: 'jwk' });
  const keyId = kid ?? jwkThumbprint(publicJwk);
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicJwk: { kty: 'RSA', e: String(publicJwk.e), n: String(publicJwk.n), kid: keyId, alg: 'RS256', use: 'sig' },
    keyId,
  };
}

/** The public half of a stored private key, e.g. to show the JWK again on the Connections screen. */
export function publicJwkOf(privateKeyPem: string, keyId: string): PublicJwk {
  return { ...describeKey(createPrivateKey(privateKeyPem), keyId).publicJwk };
}

/** RFC 7638 JWK thumbprint (SHA-256, base64url): a stable key id derived from the key itself. */
export function jwkThumbprint(jwk: JsonWebKey): string {
  const canonical = JSON.stringify({ e: jwk.e, kty: jwk.kty, n: jwk.n });
  return createHash('sha256').update(canonical).digest('base64url');
}
