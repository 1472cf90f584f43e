// The outcome of an Add form, announced: added (and where to look next), or
// why main refused.
import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { AddStatus } from './useAddConnection';

export function AddStatusMessage({ status }: { status: AddStatus }) {
  return (
    <div role="status" aria-live="polite">
      {status.phase === 'added' && (
        <MessageBar intent={status.view.status === 'error' ? 'warning' : 'success'} layout="multiline">
          <MessageBarBody>
            Added {status.view.displayName}.{' '}
            {status.view.status === 'connected'
              ? 'Its accounts are on the Accounts screen.'
              : status.view.status === 'error'
                ? 'It is not connected yet: its card above says what stops it and how to fix it.'
                : 'Sign in on its card above to use it.'}
          </MessageBarBody>
        </MessageBar>
      )}
      {status.phase === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>Not added: {status.message}</MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
