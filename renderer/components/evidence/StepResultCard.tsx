// One step of an account's reset: its outcome, the directory's message, when,
// and the evidence behind it (HTTP status and request id, or PowerShell output).
import { Badge, makeStyles, Text, tokens, type BadgeProps } from '@fluentui/react-components';
import type { RunView } from '../../../preload/contract';
import { EvidenceList } from './EvidenceList';
import { formatEvidenceTime } from './evidence-format';
import { stepLabels, stepStatusLabels } from './step-labels';

export type StepResult = RunView['accounts'][number]['steps'][number];

const statusColour: Record<StepResult['status'], BadgeProps['color']> = {
  done: 'success',
  failed: 'danger',
  skipped: 'informative',
  'not-applicable': 'subtle',
  cancelled: 'subtle',
};

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  time: { color: tokens.colorNeutralForeground3 },
  message: { whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' },
});

export function StepResultCard({ result, attemptNote }: { result: StepResult; attemptNote?: string }) {
  const styles = useStyles();
  return (
    <div className={styles.card}>
      <div className={styles.head}>
        <h4 className={styles.title}>{stepLabels[result.step]}</h4>
        <Badge appearance="tint" shape="rounded" size="small" color={statusColour[result.status]}>
          {stepStatusLabels[result.status]}
        </Badge>
        <Text size={200} className={styles.time}>
          {formatEvidenceTime(result.at)}
          {attemptNote ? ` · ${attemptNote}` : ''}
        </Text>
      </div>
      {result.message && <Text className={styles.message}>{result.message}</Text>}
      <EvidenceList evidence={result.evidence} />
    </div>
  );
}
