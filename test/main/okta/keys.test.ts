// The service app's key pair: generated or imported, public half shown, private
// half kept as PKCS#8 PEM for the secret store.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateServiceAppKey, importServiceAppKey, jwkThumbprint, KeyImportError, publicJwkOf } from '../../../main/okta/keys';

describe('service app keys', () => {
  it('generates an RSA 2048 pair whose public JWK carries a thumbprint kid and nothing private', async () => {
    const key = await generateServiceAppKey();
    const privateKey = createPrivateKey(key.privateKeyPem);
    expect(privateKey.asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect(Object.keys(key.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(key.publicJwk.kid).toBe(jwkThumbprint(key.publicJwk));
    expect(key.keyId).toBe(key.publicJwk.kid);
    // The pasted public key verifies what the private key signs.
    const signature = sign('sha256', Buffer.from('proof'), privateKey);
    expect(verify('sha256', Buffer.from('proof'), createPublicKey({ key: key.publicJwk, format: 'jwk' }), signature)).toBe(true);
  });

  it('imports PKCS#1 and PKCS#8 PEM, and a private JWK keeping its kid', () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pkcs1 = importServiceAppKey(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
    const pkcs8 = importServiceAppKey(`  ${privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}\n`);
    expect(pkcs1.publicJwk).toEqual(pkcs8.publicJwk);
    const jwk = { ...privateKey.export({ format: 'jwk' }), kid: 'okta-generated-kid' };
    const fromJwk = importServiceAppKey(JSON.stringify(jwk));
    expect(fromJwk.keyId).toBe('okta-generated-kid');
    expect(fromJwk.publicJwk.n).toBe(pkcs1.publicJwk.n);
    expect(publicJwkOf(fromJwk.privateKeyPem, fromJwk.keyId)).toEqual(fromJwk.publicJwk);
  });

  it.each([
    ['an EC key (the SDK signs DPoP proofs with RS256 only)', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /RSA key.*RS256/],
    ['a 1024-bit RSA key', () => generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), /1024 bits.*at least 2048/],
    ['a public JWK', () => JSON.stringify(generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' })), /public key/],
    ['an encrypted PEM', () => generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'x' }).toString(), /encrypted/],
    ['a truncated PEM', () => '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----', /not a readable private key/],
    ['random text', () => 'hello', /Paste a private key/],
  ])('refuses %s with a sentence', (_label, make, message) => {
    expect(() => importServiceAppKey(make())).toThrow(KeyImportError);
    expect(() => importServiceAppKey(make())).toThrow(message);
  });
});
