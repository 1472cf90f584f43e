// One rule of an exclusion set: what it matches (fields depend on its type),
// a note saying why, and a remove button. Problems show under the field.
import { Button, Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import type { FieldErrors } from '../field-issues';
import { ruleField, ruleTypeInfo, type RuleDraft } from './exclusion-draft';

const useStyles = makeStyles({
  rule: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground2,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  id: { color: tokens.colorNeutralForeground2, fontFamily: tokens.fontFamilyMonospace, flexGrow: 1 },
  hint: { color: tokens.colorNeutralForeground2 },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  wide: { gridColumnStart: 1, gridColumnEnd: 3 },
  mono: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

export const ruleFirstFieldId = (ruleKey: string) => `exclusion-rule-${ruleKey}-first`;

type Patch = Partial<Omit<RuleDraft, 'key' | 'type'>>;

export function ExclusionRuleEditor({ rule, errors, onChange, onRemove }: { rule: RuleDraft; errors: FieldErrors; onChange: (patch: Patch) => void; onRemove: () => void }) {
  const styles = useStyles();
  const info = ruleTypeInfo[rule.type];
  const titleId = `exclusion-rule-${rule.key}-title`;
  const error = (field: Parameters<typeof ruleField>[1]) => {
    const message = errors[ruleField(rule.key, field)];
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  const firstId = ruleFirstFieldId(rule.key);

  let fields: ReactNode = null;
  switch (rule.type) {
    case 'accounts':
    case 'never-touch':
      fields = (
        <Field label="Accounts, one per line" {...error('accounts')}>
          <Textarea id={firstId} textarea={{ className: styles.mono, spellCheck: false }} resize="vertical" rows={3} value={rule.accounts} onChange={(_e, d) => onChange({ accounts: d.value })} />
        </Field>
      );
      break;
    case 'name-pattern':
      fields = (
        <Field label="Pattern" {...error('pattern')}>
          <Input id={firstId} className={styles.mono} spellCheck={false} value={rule.pattern} onChange={(_e, d) => onChange({ pattern: d.value })} />
        </Field>
      );
      break;
    case 'group':
      fields = (
        <Field label="Group name" {...error('group')}>
          <Input id={firstId} value={rule.group} onChange={(_e, d) => onChange({ group: d.value })} />
        </Field>
      );
      break;
    case 'builtin-rid':
      fields = (
        <Field label="RIDs" hint="Separated by commas." {...error('rids')}>
          <Input id={firstId} className={styles.mono} value={rule.rids} onChange={(_e, d) => onChange({ rids: d.value })} />
        </Field>
      );
      break;
    case 'service-account':
      fields = (
        <Field label="Patterns, one per line" {...error('patterns')}>
          <Textarea id={firstId} textarea={{ className: styles.mono, spellCheck: false }} resize="vertical" rows={3} value={rule.patterns} onChange={(_e, d) => onChange({ patterns: d.value })} />
        </Field>
      );
      break;
    default:
      fields = null;
  }

  return (
    <li className={styles.rule} aria-labelledby={titleId}>
      <div className={styles.head}>
        <h4 id={titleId} className={styles.title}>
          {info.label}
        </h4>
        <Text size={200} className={styles.id}>
          {rule.id}
        </Text>
        <Button size="small" appearance="subtle" icon={<DeleteRegular />} onClick={onRemove} aria-label={`Remove rule ${info.label} (${rule.id})`}>
          Remove
        </Button>
      </div>
      <Text size={200} className={styles.hint}>
        {info.hint}
      </Text>
      {errors[ruleField(rule.key, 'id')] || errors[ruleField(rule.key, 'rule')] ? (
        <Text size={200} role="alert">
          {errors[ruleField(rule.key, 'id')] ?? errors[ruleField(rule.key, 'rule')]}
        </Text>
      ) : null}
      <div className={styles.fields}>
        {fields}
        <Field label="Note" hint="Shown with each account it excludes." className={fields ? undefined : styles.wide} {...error('note')}>
          <Input id={fields ? undefined : firstId} value={rule.note} maxLength={500} onChange={(_e, d) => onChange({ note: d.value })} />
        </Field>
      </div>
    </li>
  );
}
