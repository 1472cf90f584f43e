// Add this computer's local accounts. Offered only when Rekey runs on
// Windows; whether it runs elevated is shown as a fact and, when it does not,
// Rekey offers to restart itself as administrator.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text } from '@fluentui/react-components';
import { useConsoleStore } from '../../state/store';
import { AddStatusMessage } from './AddStatusMessage';
import { RestartElevatedButton } from './RestartElevatedButton';
import { useFormStyles } from './formStyles';
import { useAddConnection } from './useAddConnection';

export function WindowsLocalForm() {
  const styles = useFormStyles();
  const elevated = useConsoleStore((state) => state.appInfo?.elevated ?? false);
  const { status, add } = useAddConnection();
  return (
    <form
      className={styles.form}
      aria-label="Add this computer"
      onSubmit={(event) => {
        event.preventDefault();
        void add({ kind: 'windows-local' });
      }}
    >
      <Text as="p" className={styles.intro}>
        Lists the local accounts of this computer (its SAM database). Built-in accounts are recognised by their SID, whatever their localised name.
      </Text>
      <Text>
        Rekey is running as administrator: <strong>{elevated ? 'Yes' : 'No'}</strong>
      </Text>
      {!elevated && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not elevated</MessageBarTitle>
            Without administrator rights Rekey can list local accounts, but Windows refuses to change them. Restart Rekey as administrator (Windows asks for consent), or close it and start it with Run as administrator.
          </MessageBarBody>
          <MessageBarActions>
            <RestartElevatedButton />
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={status.phase === 'adding'} icon={status.phase === 'adding' ? <Spinner size="tiny" aria-hidden /> : undefined}>
          Add this computer
        </Button>
      </div>
      <AddStatusMessage status={status} />
    </form>
  );
}
