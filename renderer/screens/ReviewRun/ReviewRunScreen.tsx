// Review & run: the plan per account, the approval, then the paced run.
// Nothing can be planned before accounts are selected.
import { Button } from '@fluentui/react-components';
import { ClipboardTaskListLtrRegular, PeopleRegular } from '@fluentui/react-icons';
import { useConsoleStore } from '../../state/store';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';

export function ReviewRunScreen() {
  const showScreen = useConsoleStore((state) => state.showScreen);
  return (
    <ScreenLayout title="Review & run" purpose="See exactly what will change, approve it, and run it.">
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
    </ScreenLayout>
  );
}
