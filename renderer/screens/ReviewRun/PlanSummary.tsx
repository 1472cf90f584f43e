// The plan in numbers: selected, excluded, planned, with work; approvals by
// decision; accounts per directory.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { PlanDto } from '../../../preload/contract';
import { formatCount } from '../../lib/format';
import { directoryCounts } from './plan-view';
import { SummaryCard } from './SummaryCard';

const decisionLabels = {
  auto: 'no approval needed',
  confirm: 'confirm',
  'typed-confirm': 'type the name',
  block: 'blocked by policy',
} as const;

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  numbers: { display: 'grid', gridTemplateColumns: 'repeat(4, minmax(0, 1fr))', gap: tokens.spacingHorizontalS },
  details: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(300px, 1fr))', gap: tokens.spacingHorizontalS },
});

export function PlanSummary({ plan }: { plan: PlanDto }) {
  const styles = useStyles();
  const summary = plan.summary;
  const needApproval = summary.byDecision.confirm + summary.byDecision['typed-confirm'];
  return (
    <section aria-label="Plan summary" className={styles.summary}>
      <div className={styles.numbers}>
        <SummaryCard label="Selected" value={summary.selected} />
        <SummaryCard label="Excluded by rules" value={summary.excluded} />
        <SummaryCard label="Planned" value={summary.planned} />
        <SummaryCard label="With work to do" value={summary.withWork} />
      </div>
      <div className={styles.details}>
        <SummaryCard label="Need approval" value={needApproval}>
          {(Object.keys(decisionLabels) as Array<keyof typeof decisionLabels>).map((decision) => (
            <li key={decision}>
              {formatCount(summary.byDecision[decision])} {decisionLabels[decision]}
            </li>
          ))}
        </SummaryCard>
        <SummaryCard label={plan.directories.length === 1 ? 'Directory' : 'Directories'} value={Object.keys(summary.byDirectory).length}>
          {directoryCounts(plan).map((directory) => (
            <li key={directory.id}>
              {directory.displayName}: {formatCount(directory.planned)} planned
              {directory.excluded > 0 ? `, ${formatCount(directory.excluded)} excluded` : ''}
            </li>
          ))}
        </SummaryCard>
      </div>
    </section>
  );
}
