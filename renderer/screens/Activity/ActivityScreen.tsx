// Activity: the journal as a timeline, and report export.
import { HistoryRegular } from '@fluentui/react-icons';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';

export function ActivityScreen() {
  return (
    <ScreenLayout title="Activity" purpose="The record of what was planned, approved, run and verified.">
      <EmptyState
        icon={<HistoryRegular />}
        title="No activity recorded"
        paragraphs={[
          'Every plan, approval, run and verification is written to a tamper-evident journal, with who did it and when. This screen will show that journal as a timeline and export it as a report for your records.',
          'Nothing has been recorded yet.',
        ]}
      />
    </ScreenLayout>
  );
}
