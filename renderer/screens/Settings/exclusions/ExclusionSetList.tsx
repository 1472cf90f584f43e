// The saved (and draft) exclusion sets as a vertical tab list: arrow keys move
// between sets, the editor beside it shows the chosen one. A set with problems
// says so in words, not only with a marker.
import { makeStyles, Tab, TabList, Text, tokens } from '@fluentui/react-components';
import { ErrorCircleFilled } from '@fluentui/react-icons';
import { plural } from '../../../lib/format';
import type { SetDraft } from './exclusion-draft';

const useStyles = makeStyles({
  list: { minWidth: 0 },
  tab: { justifyContent: 'flex-start', textAlign: 'left', maxWidth: '100%' },
  label: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', minWidth: 0 },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', maxWidth: '200px' },
  meta: { color: tokens.colorNeutralForeground2 },
  problem: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground2, padding: tokens.spacingVerticalS },
});

export const setTabId = (setKey: string) => `exclusion-set-tab-${setKey}`;
export const setPanelId = 'exclusion-set-panel';

export function ExclusionSetList({
  sets,
  selectedKey,
  issueCounts,
  onSelect,
}: {
  sets: SetDraft[];
  selectedKey: string | null;
  issueCounts: Record<string, number>;
  onSelect: (setKey: string) => void;
}) {
  const styles = useStyles();
  if (sets.length === 0) return <Text className={styles.empty}>No exclusion sets. Add one, or import a file.</Text>;
  return (
    <TabList
      className={styles.list}
      vertical
      size="small"
      aria-label="Exclusion sets"
      selectedValue={selectedKey ?? undefined}
      onTabSelect={(_event, data) => onSelect(String(data.value))}
    >
      {sets.map((set) => {
        const problems = issueCounts[set.key] ?? 0;
        return (
          <Tab key={set.key} id={setTabId(set.key)} value={set.key} aria-controls={setPanelId} className={styles.tab}>
            <span className={styles.label}>
              <span className={styles.name}>{set.name.trim() || 'Unnamed set'}</span>
              <Text size={200} className={styles.meta}>
                {plural(set.rules.length, 'rule')}
              </Text>
              {problems > 0 && (
                <Text size={200} className={styles.problem}>
                  <ErrorCircleFilled aria-hidden /> {plural(problems, 'problem')}
                </Text>
              )}
            </span>
          </Tab>
        );
      })}
    </TabList>
  );
}
