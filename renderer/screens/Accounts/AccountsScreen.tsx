// Accounts: where the flow starts. Lists every account of the connected
// directories in a virtualised grid, with search, filters, sorting,
// multi-select, CSV import and the exclusions panel; the selection is what
// Review & run plans from. Each state the list can be in (offline, loading,
// nothing connected, failed, partly failed) looks different and says what to do.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, CloudOffRegular, ErrorCircleRegular, PeopleRegular, PlugConnectedRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { useFillHeight } from '../../components/grid/useFillHeight';
import { useAccountsStore } from '../../state/accounts-store';
import { useConsoleStore } from '../../state/store';
import { EmptyState } from '../shared/EmptyState';
import { AccountFilters } from './AccountFilters';
import { AccountsGrid } from './AccountsGrid';
import { AccountsLayout } from './AccountsLayout';
import { AccountsNotice } from './AccountsNotice';
import { ExclusionsDrawer } from './ExclusionsDrawer';
import { ListingStatus } from './ListingStatus';
import { failedDirectories } from './model/page-loader';
import { SelectionActions } from './SelectionActions';
import { useAccountsListing } from './useAccountsListing';
import { useDefaultExclusionSets } from './useDefaultExclusionSets';
import { useDropUnlisted } from './useDropUnlisted';
import { plural } from '../../lib/format';

const useStyles = makeStyles({
  failures: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
  loading: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalM },
});

export function AccountsScreen() {
  const styles = useStyles();
  useAccountsListing();
  useDefaultExclusionSets();
  const unlisted = useDropUnlisted();
  const { api } = useRekeyConnection();
  const online = useConsoleStore((state) => state.connection.status === 'online');
  const showScreen = useConsoleStore((state) => state.showScreen);
  const phase = useAccountsStore((state) => state.phase);
  const count = useAccountsStore((state) => state.table.size);
  const error = useAccountsStore((state) => state.error);
  const progress = useAccountsStore((state) => state.progress);
  const [exclusionsOpen, setExclusionsOpen] = useState(false);
  const [gridArea, setGridArea] = useState<HTMLDivElement | null>(null);
  const gridHeight = useFillHeight(gridArea);

  const refresh = () => void useAccountsStore.getState().load(api.accounts, { refresh: true });
  const goToConnections = (
    <Button appearance="primary" icon={<PlugConnectedRegular />} onClick={() => showScreen('connections')}>
      Go to Connections
    </Button>
  );
  const refreshButton = (
    <Button icon={<ArrowClockwiseRegular />} disabled={!online || phase === 'loading'} onClick={refresh}>
      Refresh
    </Button>
  );

  const droppedNotice = unlisted.dropped > 0 && (
    <MessageBar intent="info" layout="multiline">
      <MessageBarBody>
        {plural(unlisted.dropped, 'selected account')} {unlisted.dropped === 1 ? 'is' : 'are'} no longer listed (a connection was removed, or the directory no longer has{' '}
        {unlisted.dropped === 1 ? 'it' : 'them'}), so {unlisted.dropped === 1 ? 'it' : 'they'} left the selection.
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={unlisted.dismiss}>Dismiss</Button>
      </MessageBarActions>
    </MessageBar>
  );

  if (count === 0) {
    const failed = failedDirectories(progress);
    return (
      <AccountsLayout actions={online && phase !== 'idle' ? refreshButton : undefined}>
        {droppedNotice}
        {!online ? (
          <EmptyState
            icon={<CloudOffRegular />}
            title="Offline"
            paragraphs={[
              'The console is not connected to the Rekey background process, so it cannot list accounts.',
              'It reconnects on its own; the accounts load as soon as it is back. The banner above says what to check.',
            ]}
          />
        ) : phase === 'idle' || phase === 'loading' ? (
          <div className={styles.loading}>
            <Spinner size="small" labelPosition="after" label="Listing the accounts of the connected directories…" />
            <ListingStatus />
          </div>
        ) : phase === 'failed' ? (
          <EmptyState
            icon={<ErrorCircleRegular />}
            title="Could not list accounts"
            paragraphs={[error ?? 'The listing failed without saying why.', 'Try again; if it keeps failing, check the connections.']}
            actions={
              <>
                <Button appearance="primary" icon={<ArrowClockwiseRegular />} onClick={refresh}>
                  Try again
                </Button>
                <Button onClick={() => showScreen('connections')}>Go to Connections</Button>
              </>
            }
          />
        ) : progress.directories.length === 0 ? (
          <EmptyState
            icon={<PeopleRegular />}
            title="No directory connected"
            paragraphs={[
              "Connect a directory to list its accounts. Rekey will show each account's display name, sign-in name and directory, and flag the ones that need care: disabled, synced from on-premises Active Directory, privileged, or built-in Windows accounts.",
              'You will pick accounts by search, by importing a CSV file of sign-in names, or all at once, and exclude any of them with a reason before anything is planned.',
            ]}
            actions={goToConnections}
          />
        ) : failed.length === progress.directories.length ? (
          <EmptyState
            icon={<ErrorCircleRegular />}
            title={failed.length === 1 ? 'The directory could not be listed' : 'No directory could be listed'}
            paragraphs={['Rekey asked every connected directory for its accounts and each one failed. The reason is under each name; Check on the Connections screen shows the fix.']}
            actions={
              <>
                {goToConnections}
                <Button icon={<ArrowClockwiseRegular />} onClick={refresh}>
                  Refresh
                </Button>
              </>
            }
          >
            <ul className={styles.failures}>
              {failed.map((directory) => (
                <li key={directory.directoryId}>
                  <strong>{directory.displayName}:</strong> {directory.message ?? 'It did not say why.'}
                </li>
              ))}
            </ul>
          </EmptyState>
        ) : (
          <EmptyState
            icon={<PeopleRegular />}
            title="The connected directories have no accounts"
            paragraphs={['Every connected directory answered, with no accounts to list. If that is wrong, check that the connection signs in with an account that can read users, then refresh.']}
            actions={refreshButton}
          >
            <ListingStatus />
          </EmptyState>
        )}
      </AccountsLayout>
    );
  }

  return (
    <AccountsLayout actions={refreshButton}>
      <ListingStatus />
      <AccountsNotice onRetry={refresh} />
      {droppedNotice}
      <AccountFilters />
      <SelectionActions onOpenExclusions={() => setExclusionsOpen(true)} />
      <div ref={setGridArea}>
        <AccountsGrid height={gridHeight} />
      </div>
      <ExclusionsDrawer open={exclusionsOpen} onClose={() => setExclusionsOpen(false)} />
    </AccountsLayout>
  );
}
