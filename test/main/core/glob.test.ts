import { describe, expect, it } from 'vitest';
import { globMatches, globMatchesAny } from '../../../main/core/glob';

describe('glob', () => {
  it('matches * and ? and is case-insensitive', () => {
    expect(globMatches('svc-*', 'SVC-backup')).toBe(true);
    expect(globMatches('adm-?', 'adm-1')).toBe(true);
    expect(globMatches('adm-?', 'adm-12')).toBe(false);
    expect(globMatches('*@contoso.com', 'a@contoso.com')).toBe(true);
    expect(globMatches('*@contoso.com', 'a@contoso.com.evil')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    expect(globMatches('a.b', 'axb')).toBe(false);
    expect(globMatches('a.b', 'a.b')).toBe(true);
    expect(globMatches('(x)+[y]', '(x)+[y]')).toBe(true);
    expect(globMatches('*$', 'WS01$')).toBe(true);
    expect(globMatches('*$', 'WS01')).toBe(false);
    expect(globMatches('o\'connor', "O'Connor")).toBe(true);
  });

  it('handles non-ASCII names', () => {
    expect(globMatches('zoë*', 'ZOË.angstrom')).toBe(true);
    expect(globMatchesAny('*Ångström', [undefined, 'Zoë Ångström'])).toBe(true);
  });
});
