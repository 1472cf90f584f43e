// The plan, before anything changes: options, summary, warnings, exclusions,
// each account with its steps and approval, then Run.
import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowLeftRegular } from '@fluentui/react-icons';
import { formatDateTime, plural } from '../../lib/format';
import { usePlanStore } from '../../state/plan-store';
import { useRunStore } from '../../state/run-store';
import { ApprovalBar } from './ApprovalBar';
import { ExcludedAccounts } from './ExcludedAccounts';
import { PlanEntries } from './PlanEntries';
import { PlanSummary } from './PlanSummary';
import { ResetOptionsForm } from './ResetOptionsForm';
import { SelectionProblems } from './SelectionProblems';
import { useRunActions } from './useRunActions';
import { WarningGroups } from './WarningGroups';

const useStyles = makeStyles({
  review: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM, minHeight: '32px' },
  about: { color: tokens.colorNeutralForeground2 },
  planning: { marginLeft: 'auto' },
});

export function PlanReview({ keyCount, onRetryPlan }: { keyCount: number; onRetryPlan: () => void }) {
  const styles = useStyles();
  const plan = usePlanStore((state) => state.plan);
  const status = usePlanStore((state) => state.status);
  const error = usePlanStore((state) => state.error);
  const source = usePlanStore((state) => state.source);
  const backToSelection = usePlanStore((state) => state.backToSelection);
  const runError = useRunStore((state) => state.error);
  const starting = useRunStore((state) => state.activity === 'starting');
  const actions = useRunActions();

  return (
    <div className={styles.review}>
      <div className={styles.head}>
        {source.kind === 'retry' && (
          <Button size="small" icon={<ArrowLeftRegular />} onClick={backToSelection}>
            Back to the selection
          </Button>
        )}
        <Text className={styles.about}>
          {source.kind === 'retry'
            ? `Retry of ${plural(source.keys.length, 'account')} that failed, were cancelled or did not verify.`
            : `Plan for ${plural(keyCount, 'selected account')}.`}
          {plan ? ` Made ${formatDateTime(plan.createdAt)}; nothing has changed yet.` : ''}
        </Text>
        <span className={styles.planning} role="status">
          {status === 'planning' && <Spinner size="tiny" label="Planning…" labelPosition="after" />}
        </span>
      </div>

      <ResetOptionsForm disabled={starting} />

      {status === 'failed' && error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No plan</MessageBarTitle>
            {error}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={onRetryPlan}>
              Try again
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {runError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>Not started</MessageBarTitle>
            {runError}
          </MessageBarBody>
        </MessageBar>
      )}

      {plan ? (
        <>
          <PlanSummary plan={plan} />
          <SelectionProblems problems={plan.selectionProblems} />
          <WarningGroups plan={plan} />
          <ExcludedAccounts plan={plan} />
          <PlanEntries plan={plan} />
          <ApprovalBar plan={plan} starting={starting} onRun={() => void actions.start()} />
        </>
      ) : (
        status === 'planning' && <Text>Making the plan: reading each account's state and the policy. Nothing is changed.</Text>
      )}
    </div>
  );
}
