// The console layout: skip link, banner, screen navigation and the current
// screen inside the main landmark, with a crash in one screen contained.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useConsoleStore } from '../state/store';
import { AppHeader } from './AppHeader';
import { ConnectionBanner } from './ConnectionBanner';
import { ErrorBoundary } from './ErrorBoundary';
import { Navigation, tabId } from './Navigation';
import { ScreenOutlet } from './ScreenOutlet';
import { SkipLink } from './SkipLink';

const mainId = 'main-content';

const useStyles = makeStyles({
  shell: { display: 'flex', flexDirection: 'column', height: '100%' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    overflowY: 'auto',
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXXL}`,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalL,
    ':focus': { outlineStyle: 'none' },
  },
});

export function Shell() {
  const styles = useStyles();
  const screen = useConsoleStore((state) => state.screen);
  const showScreen = useConsoleStore((state) => state.showScreen);
  return (
    <div className={styles.shell}>
      <SkipLink targetId={mainId} />
      <AppHeader />
      <div className={styles.body}>
        <Navigation />
        <main id={mainId} className={styles.main} tabIndex={-1}>
          <ConnectionBanner />
          <div role="tabpanel" aria-labelledby={tabId(screen)}>
            <ErrorBoundary onReset={() => showScreen('accounts')}>
              <ScreenOutlet />
            </ErrorBoundary>
          </div>
        </main>
      </div>
    </div>
  );
}
