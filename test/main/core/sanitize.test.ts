import { describe, expect, it } from 'vitest';
import { sanitizeDeep, sanitizeText } from '../../../main/core/sanitize';

const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';

describe('sanitize', () => {
  it.each([
    [`Authorization: Bearer ${jwt}`, jwt],
    ['Authorization: SSWS 00QCjAl4MlV-WPXM-ABCDEFGHIJKLMNOPQRSTUVWX', '00QCjAl4MlV-WPXM'],
    [`token in text ${jwt} here`, jwt],
    ['{"password":"Hunter2!","user":"a"}', 'Hunter2!'],
    ["client_secret='abc~def.ghi'", 'abc~def.ghi'],
    ['/oauth?access_token=abcdef123456&x=1', 'abcdef123456'],
    ['net user jdoe S3cret!Pass /domain', 'S3cret!Pass'],
    ['Set-LocalUser -Name x -Password (ConvertTo-SecureString "P@ss" -AsPlainText)', 'P@ss'],
  ])('removes the secret from %s', (text, secret) => {
    const clean = sanitizeText(text);
    expect(clean).not.toContain(secret);
    expect(clean).toContain('[redacted]');
  });

  it('leaves ordinary evidence alone', () => {
    for (const text of ['Basic training for Seán', 'PATCH /v1.0/users/abc passwordProfile.forceChangePasswordNextSignIn=true', 'net user jdoe /logonpasswordchg:yes', 'PasswordExpired=1']) {
      expect(sanitizeText(text)).toBe(text);
    }
  });

  it('redacts secret-named keys and walks nested data', () => {
    const clean = sanitizeDeep({ a: [{ token: 'xyz', note: `Bearer ${jwt}` }], password: 'p', count: 3, nothing: null });
    expect(clean).toEqual({ a: [{ token: '[redacted]', note: 'Bearer [redacted]' }], password: '[redacted]', count: 3, nothing: null });
  });
});
