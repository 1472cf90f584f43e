// Which Fluent theme to paint with. A saved choice wins; "system" follows the
// OS: Windows contrast themes (forced colors) first, then light/dark.
import type { ThemeChoice } from '../../preload/contract';

export type ResolvedTheme = 'light' | 'dark' | 'high-contrast';

export interface SystemAppearance {
  prefersDark: boolean;
  forcedColors: boolean;
}

export function resolveTheme(choice: ThemeChoice, system: SystemAppearance): ResolvedTheme {
  if (choice !== 'system') return choice;
  if (system.forcedColors) return 'high-contrast';
  return system.prefersDark ? 'dark' : 'light';
}
