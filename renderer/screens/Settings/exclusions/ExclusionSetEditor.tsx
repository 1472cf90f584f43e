// The chosen exclusion set: its name, description, tags and rules.
import { Field, Input, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import type { FieldErrors } from '../field-issues';
import { AddRuleMenu } from './AddRuleMenu';
import { DeleteSetDialog } from './DeleteSetDialog';
import { setField, type ExclusionDraftAction, type SetDraft } from './exclusion-draft';
import { ExclusionRuleEditor } from './ExclusionRuleEditor';
import { setPanelId, setTabId } from './ExclusionSetList';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  fields: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', gap: tokens.spacingHorizontalM, alignItems: 'start' },
  wide: { gridColumnStart: 1, gridColumnEnd: 3 },
  rulesHead: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  rulesTitle: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold, flexGrow: 1 },
  rules: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  empty: { color: tokens.colorNeutralForeground2 },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function ExclusionSetEditor({ set, errors, dispatch }: { set: SetDraft; errors: FieldErrors; dispatch: (action: ExclusionDraftAction) => void }) {
  const styles = useStyles();
  const error = (field: Parameters<typeof setField>[1]) => {
    const message = errors[setField(set.key, field)];
    return message ? { validationMessage: message, validationState: 'error' as const } : {};
  };
  const rulesError = errors[setField(set.key, 'rules')];

  return (
    <div id={setPanelId} role="tabpanel" aria-labelledby={setTabId(set.key)} className={styles.panel}>
      <div className={styles.fields}>
        <Field label="Name" required {...error('name')}>
          <Input value={set.name} maxLength={100} onChange={(_e, d) => dispatch({ type: 'update-set', setKey: set.key, patch: { name: d.value } })} />
        </Field>
        <Field label="Tags" hint="Comma-separated. Approval rules can match a tag." {...error('tags')}>
          <Input value={set.tags} onChange={(_e, d) => dispatch({ type: 'update-set', setKey: set.key, patch: { tags: d.value } })} />
        </Field>
        <Field label="Description" className={styles.wide} {...error('description')}>
          <Textarea
            resize="vertical"
            rows={2}
            maxLength={500}
            value={set.description}
            onChange={(_e, d) => dispatch({ type: 'update-set', setKey: set.key, patch: { description: d.value } })}
          />
        </Field>
      </div>

      <div className={styles.rulesHead}>
        <h3 className={styles.rulesTitle} id={`exclusion-rules-${set.key}`}>
          Rules
        </h3>
        <AddRuleMenu
          setName={set.name}
          onAdd={(ruleType) => {
            dispatch({ type: 'add-rule', setKey: set.key, ruleType });
            // The new rule is the last one; put the cursor in its first box once it exists.
            requestAnimationFrame(() => {
              const fields = document.querySelectorAll<HTMLElement>(`[id^="exclusion-rule-"][id$="-first"]`);
              fields[fields.length - 1]?.focus();
            });
          }}
        />
        <DeleteSetDialog setName={set.name} ruleCount={set.rules.length} onDelete={() => dispatch({ type: 'delete-set', setKey: set.key })} />
      </div>
      {rulesError && (
        <Text role="alert" className={styles.error}>
          {rulesError}
        </Text>
      )}
      {set.rules.length === 0 ? (
        <Text className={styles.empty}>This set has no rules yet, so it excludes nothing. Add a rule.</Text>
      ) : (
        <ul className={styles.rules} aria-labelledby={`exclusion-rules-${set.key}`}>
          {set.rules.map((rule) => (
            <ExclusionRuleEditor
              key={rule.key}
              rule={rule}
              errors={errors}
              onChange={(patch) => dispatch({ type: 'update-rule', setKey: set.key, ruleKey: rule.key, patch })}
              onRemove={() => dispatch({ type: 'remove-rule', setKey: set.key, ruleKey: rule.key })}
            />
          ))}
        </ul>
      )}
    </div>
  );
}
