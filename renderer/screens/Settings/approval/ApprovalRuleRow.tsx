// One approval rule in the ordered list: its position, what it matches, what
// it decides, and the buttons to move, preview, edit and delete it.
// Alt+ArrowUp / Alt+ArrowDown move the rule from anywhere in the row.
import { Button, makeStyles, mergeClasses, Text, tokens, Tooltip } from '@fluentui/react-components';
import { ArrowDownRegular, ArrowUpRegular, DeleteRegular, EditRegular, EyeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useRekeyConnection } from '../../../bridge/RekeyContext';
import { callErrorMessage } from '../../../lib/errors';
import { conditionSummary, decisionInfo, validateApprovalRule, type ApprovalRuleDraft } from './approval-draft';
import { DecisionBadge } from './DecisionBadge';
import { previewIsStale, type RulePreviewState } from './rule-preview';
import { RulePreviewResult } from './RulePreviewResult';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  invalid: { borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteRedBorder2}` },
  main: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr) auto', columnGap: tokens.spacingHorizontalM, alignItems: 'center' },
  position: {
    minWidth: '28px',
    textAlign: 'center',
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorNeutralForeground2,
  },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  summary: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  decision: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  buttons: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  problem: { color: tokens.colorPaletteRedForeground1 },
});

export type RowControl = 'up' | 'down' | 'preview' | 'edit' | 'delete';

export function ApprovalRuleRow({
  rule,
  position,
  count,
  problem,
  onMove,
  onEdit,
  onRemove,
}: {
  rule: ApprovalRuleDraft;
  position: number;
  count: number;
  /** The first problem with the rule, or null. */
  problem: string | null;
  onMove: (delta: -1 | 1, control: RowControl) => void;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const styles = useStyles();
  const { api } = useRekeyConnection();
  const [preview, setPreview] = useState<RulePreviewState>({ kind: 'idle' });
  const { rule: contractRule, issues } = validateApprovalRule(rule, []);
  const name = rule.description.trim() || rule.id;
  const titleId = `approval-rule-${rule.key}-title`;

  const runPreview = async () => {
    if (issues.length > 0) {
      setPreview({ kind: 'failed', message: `Fix the rule before previewing it: ${issues[0]?.message ?? ''}` });
      return;
    }
    setPreview({ kind: 'loading', rule: contractRule });
    try {
      const result = await api.exclusions.previewRule({ rule: contractRule });
      setPreview({ kind: 'done', rule: contractRule, result });
    } catch (error) {
      setPreview({ kind: 'failed', message: `The preview did not finish: ${callErrorMessage(error)}` });
    }
  };

  return (
    <li
      className={mergeClasses(styles.row, problem ? styles.invalid : undefined)}
      aria-labelledby={titleId}
      data-rule-key={rule.key}
      onKeyDown={(event) => {
        if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
        event.preventDefault();
        const control = (event.target as HTMLElement).closest<HTMLElement>('[data-control]')?.dataset.control as RowControl | undefined;
        onMove(event.key === 'ArrowUp' ? -1 : 1, control ?? 'edit');
      }}
    >
      <div className={styles.main}>
        {/* The ordered list already tells screen readers the position. */}
        <Text className={styles.position} aria-hidden>
          {position}
        </Text>
        <div className={styles.text}>
          <h3 id={titleId} className={styles.title}>
            {name}
          </h3>
          <Text size={200} className={styles.summary}>
            {conditionSummary(contractRule)} → {decisionInfo[rule.decision].sentence}
          </Text>
          {problem && (
            <Text size={200} className={styles.problem}>
              {problem}
            </Text>
          )}
        </div>
        <div className={styles.decision}>
          <DecisionBadge decision={rule.decision} />
          <div className={styles.buttons}>
            <Tooltip content="Move up (Alt+Up)" relationship="description">
              <Button size="small" appearance="subtle" icon={<ArrowUpRegular />} data-control="up" disabled={position === 1} aria-label={`Move ${name} up`} onClick={() => onMove(-1, 'up')} />
            </Tooltip>
            <Tooltip content="Move down (Alt+Down)" relationship="description">
              <Button size="small" appearance="subtle" icon={<ArrowDownRegular />} data-control="down" disabled={position === count} aria-label={`Move ${name} down`} onClick={() => onMove(1, 'down')} />
            </Tooltip>
            <Button size="small" appearance="subtle" icon={<EyeRegular />} data-control="preview" aria-label={`Preview ${name}`} onClick={() => void runPreview()}>
              Preview
            </Button>
            <Button size="small" appearance="subtle" icon={<EditRegular />} data-control="edit" aria-label={`Edit ${name}`} onClick={onEdit}>
              Edit
            </Button>
            <Button size="small" appearance="subtle" icon={<DeleteRegular />} data-control="delete" aria-label={`Delete ${name}`} onClick={onRemove} />
          </div>
        </div>
      </div>
      <div role="status" aria-live="polite">
        <RulePreviewResult preview={preview} stale={previewIsStale(preview, contractRule)} />
      </div>
    </li>
  );
}
