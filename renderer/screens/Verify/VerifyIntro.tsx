// What the Verify view is for, shown before the first lookup.
import { ShieldCheckmarkRegular } from '@fluentui/react-icons';
import { EmptyState } from '../shared/EmptyState';

export function VerifyIntro({ connected }: { connected: boolean }) {
  return (
    <EmptyState
      icon={<ShieldCheckmarkRegular />}
      title="Check whether a reset took"
      paragraphs={[
        'Type the name a user gives you: Rekey finds the account in every connected directory, reads it again right now, and says in plain words what holds: whether a password change is required at next sign-in, since when sign-in sessions were ended, and whether the password is set never to expire.',
        'The raw answers of the directory (HTTP calls with their request ids, PowerShell output) are one click away under "Show evidence", for a ticket or a vendor support case.',
        connected
          ? 'If the computer is one Rekey cannot reach, paste the output of net user below instead.'
          : 'No directory is connected yet: connect one under Connections, or paste the output of net user below.',
      ]}
    />
  );
}
