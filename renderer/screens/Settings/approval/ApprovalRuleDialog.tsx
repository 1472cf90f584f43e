// Add or edit one approval rule: what it matches (every condition given must
// hold; none given matches every account) and what it decides. Checked with
// the contract's schema on Apply; problems show at their field.
import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import { toFieldErrors, type FieldErrors } from '../field-issues';
import {
  approvalField,
  decisionInfo,
  decisions,
  directoryKindLabels,
  directoryKinds,
  validateApprovalRule,
  type ApprovalRuleDraft,
} from './approval-draft';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '100%' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  grid: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  fieldset: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM} ${tokens.spacingVerticalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  hint: { color: tokens.colorNeutralForeground2 },
  kinds: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

export interface ApprovalRuleDialogProps {
  mode: 'add' | 'edit';
  initial: ApprovalRuleDraft;
  /** The other rules, to keep ids unique. */
  others: readonly ApprovalRuleDraft[];
  onApply: (rule: ApprovalRuleDraft) => void;
  onClose: () => void;
}

export function ApprovalRuleDialog({ mode, initial, others, onApply, onClose }: ApprovalRuleDialogProps) {
  const styles = useStyles();
  const [draft, setDraft] = useState<ApprovalRuleDraft>(initial);
  const [tried, setTried] = useState(false);
  const validation = validateApprovalRule(draft, others);
  // Problems show once Apply was tried, then follow the typing.
  const errors: FieldErrors = tried ? toFieldErrors(validation.issues) : {};
  const error = (field: Parameters<typeof approvalField>[1]) => {
    const message = errors[approvalField(draft.key, field)];
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  const update = (patch: Partial<ApprovalRuleDraft>) => setDraft((current) => ({ ...current, ...patch }));

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        {/* noValidate: the contract's schema checks the fields and says why, at the field; the browser's bubbles would not. */}
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            setTried(true);
            if (validation.issues.length === 0) onApply(draft);
          }}
        >
          <DialogBody>
            <DialogTitle>{mode === 'add' ? 'Add approval rule' : `Edit rule ${initial.id}`}</DialogTitle>
            <DialogContent className={styles.form}>
              <div className={styles.grid}>
                <Field label="Rule id" required hint="Shown in plans as the rule that decided." {...error('id')}>
                  <Input className={styles.mono} value={draft.id} maxLength={100} onChange={(_e, d) => update({ id: d.value })} />
                </Field>
                <Field label="Description" hint="What the rule is for, in a sentence." {...error('description')}>
                  <Input value={draft.description} maxLength={500} onChange={(_e, d) => update({ description: d.value })} />
                </Field>
              </div>

              <fieldset className={styles.fieldset}>
                <legend className={styles.legend}>When</legend>
                <Text size={200} className={styles.hint}>
                  Every condition you fill in must hold. Leave them all empty to match every account.
                </Text>
                <Field label="Directory kinds" hint="None ticked: any directory." {...error('directoryKinds')}>
                  <div className={styles.kinds}>
                    {directoryKinds.map((kind) => (
                      <Checkbox
                        key={kind}
                        label={directoryKindLabels[kind]}
                        checked={draft.directoryKinds.includes(kind)}
                        onChange={(_e, d) =>
                          update({ directoryKinds: d.checked === true ? [...draft.directoryKinds, kind] : draft.directoryKinds.filter((k) => k !== kind) })
                        }
                      />
                    ))}
                  </div>
                </Field>
                <Field label="Privileged">
                  <RadioGroup layout="horizontal" value={draft.privileged} onChange={(_e, d) => update({ privileged: d.value === 'yes' ? 'yes' : d.value === 'no' ? 'no' : 'any' })}>
                    <Radio value="any" label="Any account" />
                    <Radio value="yes" label="Privileged only" />
                    <Radio value="no" label="Not privileged only" />
                  </RadioGroup>
                </Field>
                <div className={styles.grid}>
                  <Field label="Group" hint="Member of this group (exact name)." {...error('group')}>
                    <Input value={draft.group} maxLength={400} onChange={(_e, d) => update({ group: d.value })} />
                  </Field>
                  <Field label="Tag" hint="A tag of the exclusion sets in the plan." {...error('tag')}>
                    <Input value={draft.tag} maxLength={50} onChange={(_e, d) => update({ tag: d.value })} />
                  </Field>
                  <Field label="Name pattern" hint="Login or display name; * and ? wildcards." {...error('namePattern')}>
                    <Input className={styles.mono} value={draft.namePattern} maxLength={400} onChange={(_e, d) => update({ namePattern: d.value })} />
                  </Field>
                  <Field label="RIDs" hint="Windows: 500 is the built-in Administrator." {...error('rids')}>
                    <Input className={styles.mono} value={draft.rids} onChange={(_e, d) => update({ rids: d.value })} />
                  </Field>
                </div>
              </fieldset>

              <Field label="Decision" {...error('decision')}>
                <RadioGroup value={draft.decision} onChange={(_e, d) => update({ decision: decisions.find((decision) => decision === d.value) ?? draft.decision })}>
                  {decisions.map((decision) => (
                    <Radio key={decision} value={decision} label={`${decisionInfo[decision].label}: ${decisionInfo[decision].sentence}`} />
                  ))}
                </RadioGroup>
              </Field>
              {tried && validation.issues.length > 0 && (
                <Text role="alert" size={200}>
                  Fix the marked fields to apply the rule.
                </Text>
              )}
            </DialogContent>
            <DialogActions>
              <Button type="submit" appearance="primary">
                {mode === 'add' ? 'Add rule' : 'Apply'}
              </Button>
              <Button type="button" onClick={onClose}>
                Cancel
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
