// Connections: the directories Rekey can reset accounts in. Lists each
// connection with its state and actions (sign in, sign out, check, remove),
// and adds new ones: this computer, remote Windows computers, Entra ID
// tenants, Okta orgs, the practice directories.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, tokens } from '@fluentui/react-components';
import { PlugDisconnectedRegular } from '@fluentui/react-icons';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { useConnectionsStore } from '../../state/connections-store';
import { useConsoleStore } from '../../state/store';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';
import { AddConnectionSection } from './AddConnectionSection';
import { ConnectionCard } from './ConnectionCard';
import { SignInPromptDialog } from './SignInPromptDialog';
import { useConnectionsSync } from './useConnectionsSync';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
});

export function ConnectionsScreen() {
  const styles = useStyles();
  useConnectionsSync();
  const { api } = useRekeyConnection();
  const online = useConsoleStore((state) => state.connection.status === 'online');
  const phase = useConnectionsStore((state) => state.phase);
  const connections = useConnectionsStore((state) => state.connections);
  const error = useConnectionsStore((state) => state.error);
  const retry = () => void useConnectionsStore.getState().refresh(api.connections);

  return (
    <ScreenLayout title="Connections" purpose="The directories whose accounts Rekey can reset. Sign-in details stay in the Rekey background process; they never reach this window.">
      {!online && phase !== 'loaded' && (
        <EmptyState
          icon={<PlugDisconnectedRegular />}
          title="Offline"
          paragraphs={['The console is not connected to the Rekey background process, so it cannot read the connections. It reconnects on its own.']}
        />
      )}
      {online && (phase === 'idle' || phase === 'loading') && <Spinner size="small" labelPosition="after" label="Reading the connections…" />}
      {phase === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Could not read the connections</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={retry}>Try again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {phase === 'loaded' && (
        <>
          {!online && (
            <MessageBar intent="warning">
              <MessageBarBody>Offline: these are the connections as last read; actions wait until the console reconnects.</MessageBarBody>
            </MessageBar>
          )}
          {phase === 'loaded' && error && online && (
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>The list below may be out of date: {error}</MessageBarBody>
              <MessageBarActions>
                <Button onClick={retry}>Read again</Button>
              </MessageBarActions>
            </MessageBar>
          )}
          {connections.length === 0 ? (
            <EmptyState
              icon={<PlugDisconnectedRegular />}
              title="No directories connected"
              paragraphs={[
                'Add a directory below: an Entra ID tenant, an Okta org, remote Windows computers, or the practice directories to try Rekey safely.',
              ]}
            />
          ) : (
            <section className={styles.list} aria-labelledby="connected-title">
              <h2 id="connected-title" className={styles.heading}>
                Connected directories
              </h2>
              {connections.map((view) => (
                <ConnectionCard key={view.id} view={view} />
              ))}
            </section>
          )}
          <AddConnectionSection />
        </>
      )}
      <SignInPromptDialog />
    </ScreenLayout>
  );
}
