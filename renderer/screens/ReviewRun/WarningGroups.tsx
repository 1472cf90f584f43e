// The plan's warnings, one group per kind, the most frequent first.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useMemo } from 'react';
import type { PlanDto } from '../../../preload/contract';
import { groupWarnings } from './plan-view';
import { SectionHeading } from './SectionHeading';
import { WarningGroup } from './WarningGroup';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function WarningGroups({ plan }: { plan: PlanDto }) {
  const styles = useStyles();
  const groups = useMemo(() => groupWarnings(plan.entries), [plan]);
  if (groups.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="plan-warnings">
      <SectionHeading id="plan-warnings" count={groups.reduce((sum, group) => sum + group.count, 0)} noun="warning">
        Warnings
      </SectionHeading>
      <ul className={styles.list}>
        {groups.map((group) => (
          <WarningGroup key={group.kind} group={group} />
        ))}
      </ul>
    </section>
  );
}
