// Exclusion sets: named groups of rules that keep accounts out of a reset,
// each with the reason shown to the operator. Edited as a draft, checked with
// the contract's own schemas as you type, saved with one button.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { AddRegular } from '@fluentui/react-icons';
import { useEffect, useMemo } from 'react';
import { plural } from '../../../lib/format';
import { usePolicyStore } from '../../../state/policy-store';
import { toFieldErrors } from '../field-issues';
import { SettingsSection } from '../SettingsSection';
import { useSaveSettings } from '../useSaveSettings';
import { exclusionDraftChanged, issueCountBySet, validateExclusionDraft, type ExclusionSet } from './exclusion-draft';
import { ExclusionImportExport } from './ExclusionImportExport';
import { ExclusionSetEditor } from './ExclusionSetEditor';
import { ExclusionSetList } from './ExclusionSetList';

const useStyles = makeStyles({
  intro: { color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  body: { display: 'grid', gridTemplateColumns: 'minmax(180px, 220px) minmax(0, 1fr)', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  side: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  problems: { color: tokens.colorPaletteRedForeground1 },
});

export function ExclusionSetsSection({ saved }: { saved: ExclusionSet[] }) {
  const styles = useStyles();
  const { status, save, report } = useSaveSettings();
  const draft = usePolicyStore((state) => state.exclusions);
  const sync = usePolicyStore((state) => state.syncExclusions);
  const dispatch = usePolicyStore((state) => state.editExclusions);
  useEffect(() => sync(saved), [saved, sync]);

  const validation = useMemo(() => validateExclusionDraft(draft.sets), [draft.sets]);
  const errors = useMemo(() => toFieldErrors(validation.issues), [validation.issues]);
  const issueCounts = useMemo(() => issueCountBySet(draft.sets, validation.issues), [draft.sets, validation.issues]);
  const changed = exclusionDraftChanged(draft, saved);
  const selected = draft.sets.find((set) => set.key === draft.selectedKey) ?? null;
  const problemCount = validation.issues.length;

  const submit = () => {
    if (problemCount > 0) {
      report({ kind: 'failed', message: `Exclusion sets not saved: fix the ${plural(problemCount, 'problem')} marked below first.` });
      // Show the first set with a problem, so the operator sees what to fix.
      const first = draft.sets.find((set) => (issueCounts[set.key] ?? 0) > 0);
      if (first) dispatch({ type: 'select', setKey: first.key });
      return;
    }
    void save({ exclusionSets: validation.sets }, 'Exclusion sets');
  };

  return (
    <SettingsSection id="settings-exclusions" title="Exclusion sets" status={status}>
      <Text className={styles.intro}>
        Accounts a reset must not touch. A plan applies the sets the operator picks; never-touch rules of every set always apply. Each excluded account shows the set, rule and
        note that kept it out.
      </Text>
      <ExclusionImportExport draftChanged={changed} />
      <div className={styles.body}>
        <div className={styles.side}>
          <ExclusionSetList sets={draft.sets} selectedKey={draft.selectedKey} issueCounts={issueCounts} onSelect={(setKey) => dispatch({ type: 'select', setKey })} />
          <Button size="small" icon={<AddRegular />} onClick={() => dispatch({ type: 'add-set' })}>
            Add set
          </Button>
        </div>
        {selected ? <ExclusionSetEditor set={selected} errors={errors} dispatch={dispatch} /> : <Text className={styles.intro}>Choose a set to edit it.</Text>}
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" disabled={status.kind === 'saving' || !changed} onClick={submit}>
          Save exclusion sets
        </Button>
        <Button disabled={!changed} onClick={() => dispatch({ type: 'reset', saved })}>
          Discard changes
        </Button>
        {problemCount > 0 && (
          <Text size={200} className={styles.problems}>
            {plural(problemCount, 'problem')} to fix before saving.
          </Text>
        )}
      </div>
    </SettingsSection>
  );
}
