// Accounts: where the flow starts. Until a directory is connected there is
// nothing to list, and the screen says so and points to Connections.
import { Button } from '@fluentui/react-components';
import { PeopleRegular, PlugConnectedRegular } from '@fluentui/react-icons';
import { useConsoleStore } from '../../state/store';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';

export function AccountsScreen() {
  const showScreen = useConsoleStore((state) => state.showScreen);
  return (
    <ScreenLayout title="Accounts" purpose="Choose the accounts whose credentials to reset.">
      <EmptyState
        icon={<PeopleRegular />}
        title="No directory connected"
        paragraphs={[
          "Connect a directory to list its accounts. Rekey will show each account's display name, sign-in name and directory, and flag the ones that need care: disabled, synced from on-premises Active Directory, privileged, or built-in Windows accounts.",
          'You will pick accounts by search, by importing a CSV file of sign-in names, or all at once, and exclude any of them with a reason before anything is planned.',
        ]}
        actions={
          <Button appearance="primary" icon={<PlugConnectedRegular />} onClick={() => showScreen('connections')}>
            Go to Connections
          </Button>
        }
      />
    </ScreenLayout>
  );
}
