// The root component: the connection to the host, the theme, and the shell.
import type { RekeyConnection } from '../bridge/connect';
import { RekeyProvider } from '../bridge/RekeyContext';
import { ThemeRoot } from '../theme/ThemeRoot';
import { Shell } from './Shell';
import { useConsoleBootstrap } from './useConsoleBootstrap';

export function App({ connection }: { connection: RekeyConnection }) {
  useConsoleBootstrap(connection);
  return (
    <RekeyProvider connection={connection}>
      <ThemeRoot>
        <Shell />
      </ThemeRoot>
    </RekeyProvider>
  );
}
