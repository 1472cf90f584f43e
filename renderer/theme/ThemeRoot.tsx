// The FluentProvider at the root, painted with the theme the settings and the
// OS ask for. It also colours the page behind the app, so no white flash or
// white margin shows in dark or contrast themes.
import { FluentProvider, makeStyles, teamsHighContrastTheme, tokens, webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { useConsoleStore } from '../state/store';
import { resolveTheme, type ResolvedTheme } from './resolve-theme';
import { useSystemAppearance } from './useSystemAppearance';

const fluentThemes: Record<ResolvedTheme, Theme> = {
  light: webLightTheme,
  dark: webDarkTheme,
  'high-contrast': teamsHighContrastTheme,
};

const useStyles = makeStyles({
  root: {
    height: '100%',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
});

export function ThemeRoot({ children }: { children: ReactNode }) {
  const styles = useStyles();
  const choice = useConsoleStore((state) => state.settings?.theme ?? 'system');
  const resolved = resolveTheme(choice, useSystemAppearance());
  const theme = fluentThemes[resolved];

  useEffect(() => {
    document.documentElement.style.colorScheme = resolved === 'light' ? 'light' : 'dark';
    document.documentElement.style.backgroundColor = theme.colorNeutralBackground2;
    document.documentElement.dataset.theme = resolved;
  }, [resolved, theme]);

  return (
    // The colours go on an inner element: FluentProvider copies its className to
    // portal mount nodes (tooltips, menus), which would then cover the page.
    <FluentProvider theme={theme} style={{ height: '100%' }}>
      <div className={styles.root}>{children}</div>
    </FluentProvider>
  );
}
