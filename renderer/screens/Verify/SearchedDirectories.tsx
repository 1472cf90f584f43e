// Where the lookup looked: each directory with its match count, and the
// directories that could not be searched with the reason as a sentence.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { LookupResult } from '../../state/verify-store';
import { searchedItems } from './verify-view';
import { ToneIcon } from './ToneIcon';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, color: tokens.colorNeutralForeground2 },
  errors: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  error: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  label: { color: tokens.colorNeutralForeground2 },
});

export function SearchedDirectories({ searched }: { searched: LookupResult['searched'] }) {
  const styles = useStyles();
  const items = searchedItems(searched);
  const failures = items.filter((item) => item.error !== null);
  if (items.length === 0) return null;
  return (
    <div className={styles.wrap}>
      <Text size={200} className={styles.label} id="verify-searched-label">
        Searched
      </Text>
      <ul className={styles.list} aria-labelledby="verify-searched-label">
        {items.map((item) => (
          <li key={item.directoryId} className={styles.item}>
            <Text size={200}>{item.text}</Text>
          </li>
        ))}
      </ul>
      {failures.length > 0 && (
        <ul className={styles.errors} aria-label="Directories that could not be searched">
          {failures.map((item) => (
            <li key={item.directoryId} className={styles.error}>
              <ToneIcon tone="unknown" />
              <Text>
                {item.text.replace(/\.$/, '')}: {item.error}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
