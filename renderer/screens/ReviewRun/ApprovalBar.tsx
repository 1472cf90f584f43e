// The approval summary and the plan's actions, kept in view at the bottom of
// the screen: how many accounts will run, what still needs the operator,
// "Confirm all", "Export plan" (the dry run's record) and Run.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular, CheckmarkRegular, PlayRegular, SubtractCircleRegular } from '@fluentui/react-icons';
import { useId, useMemo, useState } from 'react';
import type { PlanDto } from '../../../preload/contract';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { saveTextFile } from '../../lib/download';
import { callErrorMessage } from '../../lib/errors';
import { formatCount, plural } from '../../lib/format';
import { usePlanStore } from '../../state/plan-store';
import { approvalProgress, unconfirmedKeys, unresolvedTypedKeys } from './approvals';

const useStyles = makeStyles({
  bar: {
    position: 'sticky',
    bottom: 0,
    zIndex: 2,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow8,
  },
  status: { display: 'flex', flexDirection: 'column', gap: '2px', flexGrow: 1, minWidth: '240px' },
  why: { color: tokens.colorPaletteRedForeground1 },
  note: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', marginLeft: 'auto' },
});

export function ApprovalBar({ plan, starting, onRun }: { plan: PlanDto; starting: boolean; onRun: () => void }) {
  const styles = useStyles();
  const { api } = useRekeyConnection();
  const draft = usePlanStore((state) => state.draft);
  const confirmAll = usePlanStore((state) => state.confirmAll);
  const planning = usePlanStore((state) => state.status === 'planning');
  const progress = useMemo(() => approvalProgress(plan.entries, draft), [plan, draft]);
  const toConfirm = useMemo(() => unconfirmedKeys(plan.entries, draft), [plan, draft]);
  const untyped = useMemo(() => unresolvedTypedKeys(plan.entries, draft), [plan, draft]);
  const leaveOutAll = usePlanStore((state) => state.leaveOutAll);
  const [exportState, setExportState] = useState<{ kind: 'idle' | 'saving' } | { kind: 'failed'; message: string }>({ kind: 'idle' });
  const whyId = useId();

  const exportPlan = async () => {
    setExportState({ kind: 'saving' });
    try {
      saveTextFile(await api.plan.export({ planId: plan.id }));
      setExportState({ kind: 'idle' });
    } catch (error) {
      setExportState({ kind: 'failed', message: `The plan could not be exported. ${callErrorMessage(error)}` });
    }
  };

  const notes: string[] = [];
  if (progress.notApproved > 0 && progress.approved > 0) notes.push(`${plural(progress.notApproved, 'account')} not approved will be recorded as such and not changed.`);
  if (progress.blocked > 0) notes.push(`${plural(progress.blocked, 'account')} blocked by policy.`);

  return (
    <div className={styles.bar} role="region" aria-label="Approve and run">
      <div className={styles.status} aria-live="polite">
        <Text weight="semibold">
          {formatCount(progress.approved)} of {plural(plan.entries.length, 'account')} approved to run
          {progress.typedNeeded > 0 ? ` · ${formatCount(progress.typedMatched)} of ${formatCount(progress.typedNeeded)} names typed` : ''}
        </Text>
        {progress.blockedBecause && (
          <Text size={200} id={whyId} className={styles.why}>
            {progress.blockedBecause}
          </Text>
        )}
        {notes.length > 0 && (
          <Text size={200} className={styles.note}>
            {notes.join(' ')}
          </Text>
        )}
        {exportState.kind === 'failed' && (
          <Text size={200} className={styles.why} role="alert">
            {exportState.message}
          </Text>
        )}
      </div>
      <div className={styles.actions}>
        {progress.confirmNeeded > 0 && (
          <Button icon={<CheckmarkRegular />} disabled={toConfirm.length === 0} onClick={() => confirmAll(toConfirm)}>
            {toConfirm.length === 0 ? 'All confirmed' : `Confirm all ${formatCount(toConfirm.length)} that need confirmation`}
          </Button>
        )}
        {untyped.length > 0 && progress.typedMatched > 0 && (
          <Button icon={<SubtractCircleRegular />} onClick={() => leaveOutAll(untyped)}>
            Leave out the {formatCount(untyped.length)} not typed
          </Button>
        )}
        <Button icon={<ArrowDownloadRegular />} disabled={exportState.kind === 'saving'} onClick={() => void exportPlan()}>
          Export plan (dry run)
        </Button>
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          disabledFocusable={!progress.canRun || starting || planning}
          aria-describedby={progress.blockedBecause ? whyId : undefined}
          onClick={onRun}
        >
          {starting ? 'Starting…' : `Run ${plural(progress.approved, 'account')}`}
        </Button>
      </div>
    </div>
  );
}
