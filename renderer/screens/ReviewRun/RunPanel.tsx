// The run: overall and per-directory progress, counts by status, actions, the
// live rows and the evidence drawer. When the run ends, the journal's final
// states replace the live ones (run.view), so what the screen shows is what
// the record says.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useRunStore } from '../../state/run-store';
import { DirectoryProgress } from './DirectoryProgress';
import { RunActions } from './RunActions';
import { RunCounts } from './RunCounts';
import { RunEvidenceDrawer } from './RunEvidenceDrawer';
import { RunProgress } from './RunProgress';
import { RunRows } from './RunRows';
import type { RunActions as Actions } from './useRunActions';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  top: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export function RunPanel({ actions }: { actions: Actions }) {
  const styles = useStyles();
  const runId = useRunStore((state) => state.model?.runId ?? null);
  const finished = useRunStore((state) => state.model?.finished !== null && state.model?.finished !== undefined);
  const viewLoaded = useRunStore((state) => state.viewLoaded);
  const error = useRunStore((state) => state.error);
  const stopped = useRunStore((state) => state.stopped);
  const [openKey, setOpenKey] = useState<string | null>(null);

  // Once per run: when it ends, read its final states from the journal.
  const loadedFor = useRef<string | null>(null);
  useEffect(() => {
    if (!finished || viewLoaded || !runId || loadedFor.current === runId) return;
    loadedFor.current = runId;
    void actions.loadView();
  }, [finished, viewLoaded, runId, actions]);

  const open = useCallback((key: string) => setOpenKey(key), []);
  const close = useCallback(() => setOpenKey(null), []);

  return (
    <div className={styles.panel}>
      <div className={styles.top}>
        <RunProgress />
        <DirectoryProgress />
        <RunCounts />
        <RunActions actions={actions} />
      </div>
      {stopped && runId && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The run stopped before it finished</MessageBarTitle>
            {stopped} What was done is in the journal; resuming re-reads the accounts it touched and continues only those not yet verified.
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" size="small" onClick={() => void actions.resume(runId)}>
              Resume
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Something did not work</MessageBarTitle>
            {error}
          </MessageBarBody>
        </MessageBar>
      )}
      <RunRows onOpen={open} />
      <RunEvidenceDrawer rowKey={openKey} onClose={close} />
    </div>
  );
}
