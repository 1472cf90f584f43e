// Which saved exclusion sets apply to this selection. Never-touch rules apply
// whatever is ticked; the list says so, so nobody thinks unticking a set puts
// a break-glass account at risk.
import { Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { Settings } from '../../../preload/contract';
import { useSelectionStore } from '../../state/selection-store';

const useStyles = makeStyles({
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, border: 'none', margin: 0, padding: 0 },
  legend: { fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXS, padding: 0 },
  description: { color: tokens.colorNeutralForeground2, paddingLeft: '32px', marginTop: `calc(-1 * ${tokens.spacingVerticalXS})` },
  note: { color: tokens.colorNeutralForeground2 },
});

export function ExclusionSetPicker({ sets }: { sets: Settings['exclusionSets'] }) {
  const styles = useStyles();
  const chosen = useSelectionStore((state) => state.exclusionSets);
  const setExclusionSets = useSelectionStore((state) => state.setExclusionSets);
  const toggle = (name: string, on: boolean) => setExclusionSets(on ? [...chosen, name] : chosen.filter((item) => item !== name));

  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Exclusion sets to apply</legend>
      {sets.length === 0 && <Text className={styles.note}>No exclusion sets are saved. Only never-touch rules would apply.</Text>}
      {sets.map((set) => (
        <div key={set.name}>
          <Checkbox label={`${set.name} (${set.rules.length} ${set.rules.length === 1 ? 'rule' : 'rules'})`} checked={chosen.includes(set.name)} onChange={(_event, data) => toggle(set.name, data.checked === true)} />
          {set.description && (
            <Text as="p" size={200} block className={styles.description}>
              {set.description}
            </Text>
          )}
        </div>
      ))}
      <Text size={200} className={styles.note}>
        Never-touch rules apply from every saved set, ticked or not.
      </Text>
    </fieldset>
  );
}
