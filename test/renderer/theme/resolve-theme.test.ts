import { describe, expect, it } from 'vitest';
import { resolveTheme } from '../../../renderer/theme/resolve-theme';

describe('resolveTheme', () => {
  it('follows the OS when the choice is system: contrast themes first, then dark or light', () => {
    expect(resolveTheme('system', { prefersDark: false, forcedColors: false })).toBe('light');
    expect(resolveTheme('system', { prefersDark: true, forcedColors: false })).toBe('dark');
    expect(resolveTheme('system', { prefersDark: true, forcedColors: true })).toBe('high-contrast');
  });

  it('lets a saved choice override the OS', () => {
    expect(resolveTheme('light', { prefersDark: true, forcedColors: true })).toBe('light');
    expect(resolveTheme('dark', { prefersDark: false, forcedColors: false })).toBe('dark');
    expect(resolveTheme('high-contrast', { prefersDark: false, forcedColors: false })).toBe('high-contrast');
  });
});
