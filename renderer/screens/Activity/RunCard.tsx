// One run in the history: when, who, how it ended, its outcomes, whether its
// journal is intact, and its report.
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { Swatch } from '../../components/chart/Swatch';
import { outcomeLabels } from '../../components/chart/outcome-states';
import { formatCount, formatDateTime, plural } from '../../lib/format';
import { outcomeCounts, runStatusText, type RunSummaryDto } from './activity-view';
import { ExportButtons } from './ExportButtons';
import { IntegrityBadge } from './IntegrityBadge';
import { useIntegrity } from './useIntegrity';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  id: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  outcomes: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS },
  outcome: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  foot: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
});

export function RunCard({ run }: { run: RunSummaryDto }) {
  const styles = useStyles();
  const [element, setElement] = useState<HTMLElement | null>(null);
  const integrity = useIntegrity(run.runId, element);
  const status = runStatusText[run.status];
  const name = `the run of ${formatDateTime(run.startedAt)}`;
  return (
    <li ref={setElement} className={styles.card} aria-label={`Run of ${formatDateTime(run.startedAt)}`}>
      <div className={styles.head}>
        <h3 className={styles.title}>{formatDateTime(run.startedAt)}</h3>
        <Badge appearance="tint" shape="rounded" color={status.color}>
          {status.label}
        </Badge>
        {run.practice && (
          <Badge appearance="outline" shape="rounded" color="warning">
            Practice
          </Badge>
        )}
        <Text size={200} className={styles.muted}>
          by {run.operator} · {plural(run.planned, 'account')} planned, {formatCount(run.excluded)} excluded
        </Text>
        <Text size={200} className={styles.id}>
          {run.runId}
        </Text>
      </div>
      <ul className={styles.outcomes} aria-label="Outcomes">
        {outcomeCounts(run.finalStates).map(({ state, count }) => (
          <li key={state} className={styles.outcome}>
            <Swatch state={state} />
            <Text size={200}>
              {formatCount(count)} {outcomeLabels[state].toLowerCase()}
            </Text>
          </li>
        ))}
      </ul>
      <div className={styles.foot}>
        <IntegrityBadge integrity={integrity} />
        <ExportButtons runId={run.runId} runName={name} />
      </div>
    </li>
  );
}
