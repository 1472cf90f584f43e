// One planned account: who, where, which steps, how many warnings, and its approval.
import { Badge, makeStyles, Text, tokens, Tooltip } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import { plural } from '../../lib/format';
import type { PlanEntry } from './approvals';
import { ApprovalCell } from './ApprovalCell';
import { accountLabel, applicableSteps, stepLabels } from './plan-view';

export const PLAN_ROW_HEIGHT = 56;

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 1.2fr) minmax(150px, 1fr) minmax(340px, 1.6fr)',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    height: '100%',
    padding: `0 ${tokens.spacingHorizontalM}`,
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  login: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  steps: { display: 'flex', flexDirection: 'column', minWidth: 0, gap: '2px' },
  stepText: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  warnings: { alignSelf: 'flex-start' },
});

export const PlanEntryRow = memo(function PlanEntryRow({ entry, directoryName }: { entry: PlanEntry; directoryName: string }) {
  const styles = useStyles();
  const label = accountLabel(entry.account);
  const steps = applicableSteps(entry).map((step) => stepLabels[step]);
  const warningText = entry.warnings.map((warning) => warning.message).join('\n');
  return (
    <div className={styles.row}>
      <div className={styles.who}>
        <Text size={300} className={styles.login} title={label}>
          {label}
        </Text>
        <Text size={200} className={styles.muted}>
          {entry.account.displayName} · {directoryName}
          {entry.account.privileged ? ' · privileged' : ''}
        </Text>
      </div>
      <div className={styles.steps}>
        <Text size={200} className={styles.stepText} title={steps.join(', ')}>
          {steps.length > 0 ? steps.join(', ') : 'Nothing to do'}
        </Text>
        {entry.warnings.length > 0 && (
          <Tooltip content={warningText} relationship="description">
            <Badge className={styles.warnings} appearance="tint" color="warning" shape="rounded" size="small" icon={<WarningRegular />} tabIndex={0}>
              {plural(entry.warnings.length, 'warning')}
            </Badge>
          </Tooltip>
        )}
      </div>
      <ApprovalCell entry={entry} label={label} />
    </div>
  );
});
