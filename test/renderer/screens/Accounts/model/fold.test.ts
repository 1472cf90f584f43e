import { describe, expect, it } from 'vitest';
import { foldText, searchTerms } from '../../../../../renderer/screens/Accounts/model/fold';

describe('foldText', () => {
  it('lower-cases and strips accents so plain typing finds accented names', () => {
    expect(foldText("Seán O'Brien")).toBe("sean o'brien");
    expect(foldText('Zoë Ångström')).toBe('zoe angstrom');
    expect(foldText('Thị Minh Nguyễn')).toBe('thi minh nguyen');
  });

  it('maps letters that have no combining mark to strip', () => {
    expect(foldText('Łukasz Żółkiewski')).toBe('lukasz zolkiewski');
    expect(foldText('Søren Kjærgaard')).toBe('soren kjaergaard');
    expect(foldText('Straße')).toBe('strasse');
  });

  it('leaves ASCII untouched apart from case', () => {
    expect(foldText('ADMIN-01@Contoso.COM')).toBe('admin-01@contoso.com');
  });
});

describe('searchTerms', () => {
  it('splits on any whitespace and drops empty terms', () => {
    expect(searchTerms('  Adele   Sales\t')).toEqual(['adele', 'sales']);
    expect(searchTerms('   ')).toEqual([]);
  });
});
