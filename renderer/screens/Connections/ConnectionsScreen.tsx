// Connections: the directories Rekey can reset accounts in. Connecting one is
// the next issue's work; until then the screen says which kinds exist and what
// connecting will involve.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { PlugDisconnectedRegular } from '@fluentui/react-icons';
import { useConsoleStore } from '../../state/store';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';

const directoryKinds = [
  { name: 'Microsoft Entra ID', detail: 'through Microsoft Graph, with an app registration you approve in your tenant.' },
  { name: 'Okta', detail: 'through the management API of your Okta organization.' },
  { name: 'Windows local accounts', detail: 'on this machine, or on remote Windows machines over WinRM.' },
];

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, color: tokens.colorNeutralForeground2 },
  kind: { fontWeight: tokens.fontWeightSemibold },
});

export function ConnectionsScreen() {
  const styles = useStyles();
  const practice = useConsoleStore((state) => state.appInfo?.practice ?? false);
  return (
    <ScreenLayout title="Connections" purpose="The directories whose accounts Rekey can reset.">
      <EmptyState
        icon={<PlugDisconnectedRegular />}
        title="No directories connected"
        paragraphs={[
          'Rekey resets accounts in the three kinds of directory listed below. Sign-in details for a directory stay in the Rekey background process, encrypted at rest; they never reach this window, its logs or its journal.',
          practice
            ? 'This is the practice console: the practice directories, with sample accounts, will be offered here, and nothing done in them reaches a real directory.'
            : 'Connecting a directory will start here.',
        ]}
      >
        <ul className={styles.list} aria-label="Directory kinds">
          {directoryKinds.map((kind) => (
            <li key={kind.name}>
              <Text className={styles.kind}>{kind.name}</Text> <Text>— {kind.detail}</Text>
            </li>
          ))}
        </ul>
      </EmptyState>
    </ScreenLayout>
  );
}
