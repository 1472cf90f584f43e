// Review & run: the plan for the selected accounts (a dry run), the
// approvals, then the paced, journaled run with live per-account results and
// verification. With nothing selected it says where to start.
import { Button } from '@fluentui/react-components';
import { ClipboardTaskListLtrRegular, PeopleRegular } from '@fluentui/react-icons';
import { usePlanStore } from '../../state/plan-store';
import { useRunStore } from '../../state/run-store';
import { useSelectionStore } from '../../state/selection-store';
import { useConsoleStore } from '../../state/store';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';
import { PlanReview } from './PlanReview';
import { ResumeBanner } from './ResumeBanner';
import { RunPanel } from './RunPanel';
import { usePlanRequests } from './usePlanRequests';
import { useRunActions } from './useRunActions';
import { useRunEvents } from './useRunEvents';

export function ReviewRunScreen() {
  useRunEvents();
  const showScreen = useConsoleStore((state) => state.showScreen);
  const showingRun = useRunStore((state) => state.model !== null);
  const fromRetry = usePlanStore((state) => state.source.kind === 'retry');
  const selected = useSelectionStore((state) => state.keys.size);
  const actions = useRunActions();
  const planning = usePlanRequests(!showingRun);
  const hasAccounts = fromRetry || selected > 0;

  return (
    <ScreenLayout title="Review & run" purpose="See exactly what will change, approve it, and run it.">
      <ResumeBanner actions={actions} />
      {showingRun ? (
        <RunPanel actions={actions} />
      ) : hasAccounts ? (
        <PlanReview keyCount={planning.keyCount} onRetryPlan={planning.retry} />
      ) : (
        <EmptyState
          icon={<ClipboardTaskListLtrRegular />}
          title="Nothing to review yet"
          paragraphs={[
            'Select accounts on the Accounts screen first. Rekey then shows a plan for each account before anything changes: the steps (force a password change at next sign-in, end sign-in sessions), warnings such as synced or privileged accounts, and the approval each one needs.',
            "Running an approved plan is paced to each directory's limits, can be cancelled, and records every result in the journal. Stopping after the plan is a dry run: nothing is changed.",
          ]}
          actions={
            <Button appearance="primary" icon={<PeopleRegular />} onClick={() => showScreen('accounts')}>
              Go to Accounts
            </Button>
          }
        />
      )}
    </ScreenLayout>
  );
}
