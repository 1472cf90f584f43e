// Messages above the grid when the list is usable but not whole: offline,
// the last read failed, or some directories could not be listed.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { plural } from '../../lib/format';
import { useAccountsStore } from '../../state/accounts-store';
import { useConsoleStore } from '../../state/store';
import { failedDirectories } from './model/page-loader';

const useStyles = makeStyles({
  list: { margin: `${tokens.spacingVerticalXS} 0 0`, paddingLeft: tokens.spacingHorizontalXL },
});

export function AccountsNotice({ onRetry }: { onRetry: () => void }) {
  const styles = useStyles();
  const online = useConsoleStore((state) => state.connection.status === 'online');
  const showScreen = useConsoleStore((state) => state.showScreen);
  const error = useAccountsStore((state) => state.error);
  const count = useAccountsStore((state) => state.table.size);
  const failed = failedDirectories(useAccountsStore((state) => state.progress));

  return (
    <>
      {!online && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Offline</MessageBarTitle>
            These are the {plural(count, 'account')} listed before the console lost its connection; they may be out of date. Rekey reads them again once it is back online.
          </MessageBarBody>
        </MessageBar>
      )}
      {online && error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The account list is incomplete</MessageBarTitle>
            Reading the accounts stopped after {plural(count, 'account')}: {error}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onRetry}>Read again</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {failed.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{failed.length === 1 ? 'One directory could not be listed' : `${failed.length} directories could not be listed`}</MessageBarTitle>
            Their accounts are missing from the list below.
            <ul className={styles.list}>
              {failed.map((directory) => (
                <li key={directory.directoryId}>
                  <strong>{directory.displayName}:</strong> {directory.message ?? 'It did not say why.'}
                </li>
              ))}
            </ul>
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={onRetry}>Refresh</Button>
            <Button onClick={() => showScreen('connections')}>Connections</Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}
