// A run without an end record (the console closed or crashed mid-run) can be
// resumed: Rekey re-reads what it touched and continues only what is not yet
// verified. Offered once when the screen opens, never started on its own.
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { z } from 'zod';
import type { runSummary } from '../../../preload/contract';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { formatDateTime, plural } from '../../lib/format';
import { useRunStore } from '../../state/run-store';
import type { RunActions } from './useRunActions';

type RunSummary = z.infer<typeof runSummary>;

export function ResumeBanner({ actions }: { actions: RunActions }) {
  const { api } = useRekeyConnection();
  const showingRun = useRunStore((state) => state.model !== null);
  const [unfinished, setUnfinished] = useState<RunSummary[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());

  useEffect(() => {
    let live = true;
    api.run.unfinished().then(
      (runs) => live && setUnfinished(runs),
      (reason: unknown) => live && setError(`Rekey could not check for interrupted runs. ${callErrorMessage(reason)}`),
    );
    return () => {
      live = false;
    };
  }, [api]);

  if (error) {
    return (
      <MessageBar intent="warning">
        <MessageBarBody>{error}</MessageBarBody>
      </MessageBar>
    );
  }
  const run = unfinished.find((candidate) => !dismissed.has(candidate.runId));
  if (!run || showingRun) return null;
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>An interrupted run from {formatDateTime(run.startedAt)} can be resumed</MessageBarTitle>
        It planned {plural(run.planned, 'account')} and stopped without finishing (last record {formatDateTime(run.lastAt)}). Resuming re-reads the accounts
        it touched and continues only those not yet verified.
      </MessageBarBody>
      <MessageBarActions>
        <Button
          appearance="primary"
          size="small"
          onClick={() => {
            setUnfinished((runs) => runs.filter((candidate) => candidate.runId !== run.runId));
            void actions.resume(run.runId);
          }}
        >
          Resume
        </Button>
        <Button size="small" onClick={() => setDismissed(new Set([...dismissed, run.runId]))}>
          Not now
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
