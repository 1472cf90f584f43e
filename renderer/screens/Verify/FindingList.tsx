// Findings as large plain sentences: "Must change password at next sign-in:
// Yes — checked 14:02 via ADSI", each with its tone icon and any detail below.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { z } from 'zod';
import type { finding } from '../../../preload/contract';
import { ToneIcon } from './ToneIcon';

type Finding = z.infer<typeof finding>;

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  icon: { paddingTop: '2px' },
  sentence: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, overflowWrap: 'anywhere' },
  value: { fontWeight: tokens.fontWeightSemibold },
  detail: { gridColumnStart: 2, color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere' },
  empty: { color: tokens.colorNeutralForeground2 },
});

export function FindingList({ findings, label }: { findings: Finding[]; label: string }) {
  const styles = useStyles();
  if (findings.length === 0) return <Text className={styles.empty}>Rekey read the account but has no finding to report.</Text>;
  return (
    <ul className={styles.list} aria-label={label}>
      {findings.map((item, index) => (
        <li key={`${item.label}-${index}`} className={styles.item}>
          <ToneIcon tone={item.tone} className={styles.icon} />
          <span className={styles.sentence}>
            {item.label}: <span className={styles.value}>{item.value}</span>
          </span>
          {item.detail ? (
            <Text size={200} className={styles.detail}>
              {item.detail}
            </Text>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
