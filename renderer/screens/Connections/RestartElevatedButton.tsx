// Offer to start Rekey again as administrator. Windows asks for consent; if
// it is declined, this instance keeps running and the reason is shown.
import { Button, Spinner, Text } from '@fluentui/react-components';
import { ShieldKeyholeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';

export function RestartElevatedButton() {
  const { api } = useRekeyConnection();
  const [state, setState] = useState<{ phase: 'idle' } | { phase: 'asking' } | { phase: 'answered'; message: string }>({ phase: 'idle' });
  return (
    <>
      <Button
        appearance="primary"
        icon={state.phase === 'asking' ? <Spinner size="tiny" aria-hidden /> : <ShieldKeyholeRegular />}
        disabled={state.phase === 'asking'}
        onClick={() => {
          setState({ phase: 'asking' });
          api.app
            .restartElevated()
            .then((result) => setState({ phase: 'answered', message: result.message }))
            .catch((error: unknown) => setState({ phase: 'answered', message: callErrorMessage(error) }));
        }}
      >
        Restart as administrator
      </Button>
      <Text role="status" aria-live="polite">
        {state.phase === 'asking' ? 'Waiting for Windows to ask for consent…' : state.phase === 'answered' ? state.message : ''}
      </Text>
    </>
  );
}
