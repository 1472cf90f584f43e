// Verify: re-read each account after a run and compare with what the run
// promised. Empty until there has been a run (or an account to check).
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';

export function VerifyScreen() {
  return (
    <ScreenLayout title="Verify" purpose="Prove that each reset held by reading the account back from its directory.">
      <EmptyState
        icon={<ShieldCheckmarkRegular />}
        title="Nothing to verify yet"
        paragraphs={[
          'After a run, Rekey reads every account back from its directory: is a password change required at next sign-in, were the sign-in sessions ended. An account whose state does not match is reported as a failure, not a success.',
          'Helpdesk staff will also be able to check here whether an earlier reset of an account took.',
        ]}
      />
    </ScreenLayout>
  );
}
