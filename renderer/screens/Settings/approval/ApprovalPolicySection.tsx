// Approval policy: ordered rules, the first that matches an account decides
// whether its reset runs automatically, needs a confirmation, needs the
// account name typed, or is blocked. No match means "confirm" (fixed last row).
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { plural } from '../../../lib/format';
import { usePolicyStore } from '../../../state/policy-store';
import { SettingsSection } from '../SettingsSection';
import { useSaveSettings } from '../useSaveSettings';
import { approvalDraftChanged, newRuleDraft, validateApprovalDraft, type ApprovalRule, type ApprovalRuleDraft } from './approval-draft';
import { ApprovalRuleDialog } from './ApprovalRuleDialog';
import { ApprovalRuleRow, type RowControl } from './ApprovalRuleRow';
import { FallbackRow } from './FallbackRow';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  problems: { color: tokens.colorPaletteRedForeground1 },
});

type Editing = { mode: 'add' | 'edit'; initial: ApprovalRuleDraft } | null;

/** Focus a control of a rule row after React has moved or re-rendered it; a disabled control hands over to its neighbour. */
function focusRowControl(ruleKey: string, control: RowControl | 'add') {
  requestAnimationFrame(() => {
    if (control === 'add') {
      document.getElementById('approval-add-rule')?.focus();
      return;
    }
    const row = document.querySelector<HTMLElement>(`[data-rule-key="${CSS.escape(ruleKey)}"]`);
    const order: RowControl[] = [control, control === 'up' ? 'down' : 'up', 'edit'];
    for (const candidate of order) {
      const button = row?.querySelector<HTMLButtonElement>(`[data-control="${candidate}"]`);
      if (button && !button.disabled) {
        button.focus();
        return;
      }
    }
  });
}

export function ApprovalPolicySection({ saved }: { saved: ApprovalRule[] }) {
  const styles = useStyles();
  const { status, save, report } = useSaveSettings();
  const draft = usePolicyStore((state) => state.approvals);
  const sync = usePolicyStore((state) => state.syncApprovals);
  const dispatch = usePolicyStore((state) => state.editApprovals);
  useEffect(() => sync(saved), [saved, sync]);
  const [editing, setEditing] = useState<Editing>(null);
  const [moved, setMoved] = useState('');
  const returnFocus = useRef<{ key: string; control: RowControl | 'add' } | null>(null);

  const validation = useMemo(() => validateApprovalDraft(draft.rules), [draft.rules]);
  const problems = useMemo(() => {
    const byKey = new Map<string, string>();
    for (const issue of validation.issues) {
      const key = issue.field.split(':')[1] ?? '';
      if (!byKey.has(key)) byKey.set(key, issue.message);
    }
    return byKey;
  }, [validation.issues]);
  const changed = approvalDraftChanged(draft, saved);

  const move = (rule: ApprovalRuleDraft, delta: -1 | 1, control: RowControl) => {
    const index = draft.rules.findIndex((candidate) => candidate.key === rule.key);
    const target = index + delta;
    if (target < 0 || target >= draft.rules.length) return;
    dispatch({ type: 'move', key: rule.key, delta });
    setMoved(`${rule.description.trim() || rule.id} moved to position ${target + 1} of ${draft.rules.length}.`);
    focusRowControl(rule.key, control);
  };

  const closeDialog = () => {
    setEditing(null);
    const target = returnFocus.current;
    if (target) focusRowControl(target.key, target.control);
  };

  return (
    <SettingsSection id="settings-approval" title="Approval policy" status={status}>
      <Text className={styles.intro}>
        Rules are checked from the top; the first that matches an account decides how its reset is approved. Move a rule with its arrow buttons or Alt+Up and Alt+Down.
      </Text>
      <ol className={styles.list} aria-label="Approval rules, in the order they are checked">
        {draft.rules.map((rule, index) => (
          <ApprovalRuleRow
            key={rule.key}
            rule={rule}
            position={index + 1}
            count={draft.rules.length}
            problem={problems.get(rule.key) ?? null}
            onMove={(delta, control) => move(rule, delta, control)}
            onEdit={() => {
              returnFocus.current = { key: rule.key, control: 'edit' };
              setEditing({ mode: 'edit', initial: rule });
            }}
            onRemove={() => {
              dispatch({ type: 'remove', key: rule.key });
              setMoved(`${rule.description.trim() || rule.id} removed. Discard changes brings it back.`);
              const neighbour = draft.rules[index + 1] ?? draft.rules[index - 1];
              focusRowControl(neighbour?.key ?? '', neighbour ? 'edit' : 'add');
            }}
          />
        ))}
        <FallbackRow />
      </ol>
      <Text role="status" aria-live="polite" size={200} className={styles.intro}>
        {moved}
      </Text>
      <div className={styles.actions}>
        <Button
          id="approval-add-rule"
          size="small"
          icon={<AddRegular />}
          onClick={() => {
            returnFocus.current = { key: '', control: 'add' };
            setEditing({ mode: 'add', initial: newRuleDraft(`r${draft.nextKey}`, draft.rules) });
          }}
        >
          Add rule
        </Button>
        <Button
          appearance="primary"
          disabled={status.kind === 'saving' || !changed}
          onClick={() => {
            if (validation.issues.length > 0) {
              report({ kind: 'failed', message: `Approval policy not saved: fix the ${plural(validation.issues.length, 'problem')} marked in the rules first.` });
              return;
            }
            void save({ approvalRules: validation.rules }, 'Approval policy');
          }}
        >
          Save approval policy
        </Button>
        <Button disabled={!changed} onClick={() => dispatch({ type: 'reset', saved })}>
          Discard changes
        </Button>
        {validation.issues.length > 0 && (
          <Text size={200} className={styles.problems}>
            {plural(validation.issues.length, 'problem')} to fix before saving.
          </Text>
        )}
      </div>
      {editing && (
        <ApprovalRuleDialog
          mode={editing.mode}
          initial={editing.initial}
          others={draft.rules}
          onClose={closeDialog}
          onApply={(rule) => {
            dispatch(editing.mode === 'add' ? { type: 'add', rule } : { type: 'replace', rule });
            returnFocus.current = { key: rule.key, control: 'edit' };
            closeDialog();
          }}
        />
      )}
    </SettingsSection>
  );
}
