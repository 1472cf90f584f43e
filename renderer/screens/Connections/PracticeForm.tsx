// Add (again) the practice directories: simulated tenants and computers for
// training, where nothing real is touched.
import { Button, Spinner, Text } from '@fluentui/react-components';
import { useConnectionsStore } from '../../state/connections-store';
import { AddStatusMessage } from './AddStatusMessage';
import { useFormStyles } from './formStyles';
import { useAddConnection } from './useAddConnection';

export function PracticeForm() {
  const styles = useFormStyles();
  const present = useConnectionsStore((state) => state.connections.some((connection) => connection.kind === 'practice'));
  const { status, add } = useAddConnection();
  return (
    <form
      className={styles.form}
      aria-label="Add the practice directories"
      onSubmit={(event) => {
        event.preventDefault();
        void add({ kind: 'practice' });
      }}
    >
      <Text as="p" className={styles.intro}>
        The practice directories simulate a Microsoft Entra ID tenant (Contoso), an Okta org (Fabrikam) and a few Windows computers, all inside Rekey on this computer. Resets there change nothing real, and their runs are recorded as practice.
      </Text>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={present || status.phase === 'adding'} icon={status.phase === 'adding' ? <Spinner size="tiny" aria-hidden /> : undefined}>
          {present ? 'Practice directories are added' : 'Add practice directories'}
        </Button>
      </div>
      <AddStatusMessage status={status} />
    </form>
  );
}
