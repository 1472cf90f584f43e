// How the practice population is split, and the extra lab computers it adds.
import { describe, expect, it } from 'vitest';
import { baseWindowsAccounts, extraHostSeed, practicePopulation } from '../../../main/console/practice-population';

describe('practicePopulation', () => {
  it('keeps the stand-ins\' own seeds when no size is asked for', () => {
    expect(practicePopulation()).toEqual({ entraUsers: 260, oktaUsers: 260, extraHosts: [], expectedTotal: 270 + 260 + baseWindowsAccounts() });
  });

  it('splits 50,000 accounts: 2% on extra Windows computers, 20% in Okta, the rest in Entra', () => {
    const population = practicePopulation(50_000);
    expect(population.extraHosts).toHaveLength(10);
    expect(population.extraHosts.every((h) => h.accounts === 104 && /^LAB-WS\d{3}$/.test(h.name))).toBe(true);
    expect(population.oktaUsers).toBe(10_000);
    expect(population.expectedTotal).toBe(50_000);
    expect(population.entraUsers + 10 + population.oktaUsers + 1040 + baseWindowsAccounts()).toBe(50_000);
  });

  it('refuses a size that is not a sensible whole number', () => {
    expect(() => practicePopulation(12.5)).toThrow('between 100 and 500,000');
    expect(() => practicePopulation(10)).toThrow('between 100 and 500,000');
  });

  it('seeds a lab computer with its built-ins by RID and the asked number of accounts', () => {
    const seed = extraHostSeed('LAB-WS002', 104, 1);
    expect(seed.accounts).toHaveLength(104);
    expect(seed.accounts.slice(0, 4).map((a) => a.rid)).toEqual([500, 501, 503, 504]);
    expect(seed.culture).toBe('de-DE');
    expect(seed.accounts[1]?.name).toBe('Gast');
    expect(new Set(seed.accounts.map((a) => a.rid)).size).toBe(104);
  });
});
