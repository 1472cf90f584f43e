// The Verify screen's calls to the console backend: look an account up,
// re-read one account, explain pasted net user output. Results and failures
// go to the verify store; failures are sentences (callErrorMessage).
import { useCallback } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { matchKey, useVerifyStore, type LookupMatch, type LookupRequest } from '../../state/verify-store';
import { directoryName, recheckRequest } from './verify-view';

export function useVerifyActions() {
  const { api } = useRekeyConnection();

  const lookup = useCallback(
    async (request: LookupRequest) => {
      const store = useVerifyStore.getState();
      store.lookupStarted(request);
      try {
        const result = await api.verify.lookup(request);
        useVerifyStore.getState().lookupFinished(request, result);
      } catch (error) {
        useVerifyStore.getState().lookupFailed(request, callErrorMessage(error));
      }
    },
    [api],
  );

  const checkAgain = useCallback(
    async (match: LookupMatch) => {
      const key = matchKey(match);
      useVerifyStore.getState().recheckStarted(key);
      try {
        const result = await api.verify.lookup(recheckRequest(match));
        const found = result.matches.find((candidate) => matchKey(candidate) === key) ?? null;
        const searched = result.searched.find((directory) => directory.directoryId === match.account.directoryId);
        const why = searched?.error ? `: ${searched.error}` : '; it may have been renamed or deleted.';
        useVerifyStore.getState().recheckFinished(key, found, `${match.account.login} was not found in ${directoryName(match, result.searched)} this time${why}`);
      } catch (error) {
        useVerifyStore.getState().recheckFailed(key, `Could not read ${match.account.login} again: ${callErrorMessage(error)}`);
      }
    },
    [api],
  );

  const explainNetUser = useCallback(
    async (text: string) => {
      const { setExplain } = useVerifyStore.getState();
      setExplain({ kind: 'loading' });
      try {
        setExplain({ kind: 'done', explanation: await api.verify.explainNetUser({ text }) });
      } catch (error) {
        setExplain({ kind: 'failed', message: callErrorMessage(error) });
      }
    },
    [api],
  );

  return { lookup, checkAgain, explainNetUser };
}
