// Says in words why the console cannot reach its host and what to do about it.
// Shown above the screen, announced to screen readers as it changes.
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useConsoleStore } from '../state/store';

// Same measure as the screens below it.
const useStyles = makeStyles({ banner: { maxWidth: '960px', boxSizing: 'border-box' } });

export function ConnectionBanner() {
  const styles = useStyles();
  const connection = useConsoleStore((state) => state.connection);
  const loadError = useConsoleStore((state) => state.loadError);

  if (connection.status === 'no-token') {
    return (
      <MessageBar intent="error" layout="multiline" className={styles.banner}>
        <MessageBarBody>
          <MessageBarTitle>Not connected</MessageBarTitle>
          This page was opened without its access token. Open the full address printed by <code>npm run practice</code>, including the part after
          #.
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (connection.status === 'offline') {
    const seconds = Math.ceil(connection.retryInMs / 1000);
    return (
      <MessageBar intent="warning" layout="multiline" className={styles.banner}>
        <MessageBarBody>
          <MessageBarTitle>Offline</MessageBarTitle>
          {connection.everConnected
            ? `The practice host stopped answering. Rekey retries in ${seconds} s. If you stopped npm run practice, start it again and open the new address it prints.`
            : `Rekey cannot reach the practice host (next try in ${seconds} s). The address may be from an earlier launch: every launch of npm run practice prints a new one.`}
        </MessageBarBody>
      </MessageBar>
    );
  }
  if (loadError) {
    return (
      <MessageBar intent="error" layout="multiline" className={styles.banner}>
        <MessageBarBody>
          <MessageBarTitle>Could not load the console</MessageBarTitle>
          {loadError}
        </MessageBarBody>
      </MessageBar>
    );
  }
  return null;
}
