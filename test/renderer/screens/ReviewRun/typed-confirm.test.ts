import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { typedTextMatches as coreRule } from '../../../../main/core/policy';
import { typedTextMatches } from '../../../../renderer/screens/ReviewRun/typed-confirm';

describe('typed confirmation in the console', () => {
  it('compares UPN-style logins case-insensitively and ignores surrounding spaces', () => {
    expect(typedTextMatches('Adele.Vance@contoso.com', ' adele.vance@CONTOSO.com ')).toBe(true);
    expect(typedTextMatches('Adele.Vance@contoso.com', 'adele.vance@contoso.co')).toBe(false);
  });

  it('demands the exact spelling of names without "@" (Windows SAM names)', () => {
    expect(typedTextMatches('Administrateur', 'Administrateur')).toBe(true);
    expect(typedTextMatches('Administrateur', 'administrateur')).toBe(false);
    expect(typedTextMatches('Administrateur', 'Administrator')).toBe(false);
    expect(typedTextMatches('Administrateur', '')).toBe(false);
  });

  it('agrees with the rule main applies at run start, for any login and any typed text', () => {
    const login = fc.oneof(
      fc.string({ minLength: 1, maxLength: 12 }),
      fc.tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.string({ minLength: 1, maxLength: 8 })).map(([user, domain]) => `${user}@${domain}`),
    );
    // Typed text is often a near-miss of the login: same text re-cased, padded, or cut.
    const typedFor = (value: string) =>
      fc.oneof(fc.constant(value), fc.constant(value.toUpperCase()), fc.constant(` ${value.toLowerCase()}\t`), fc.constant(value.slice(1)), fc.string({ maxLength: 12 }));
    fc.assert(
      fc.property(login.chain((value) => fc.tuple(fc.constant(value), typedFor(value))), ([value, typed]) => {
        expect(typedTextMatches(value, typed)).toBe(coreRule(value, typed));
      }),
      { numRuns: 500 },
    );
  });
});
