// One number of the plan summary, with what it counts and an optional breakdown.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { formatCount } from '../../lib/format';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  value: { fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  label: { color: tokens.colorNeutralForeground2 },
  detail: { margin: 0, paddingLeft: 0, listStyle: 'none', color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

export function SummaryCard({ label, value, children }: { label: string; value: number; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <div className={styles.card}>
      <Text className={styles.value}>{formatCount(value)}</Text>
      <Text size={200} className={styles.label}>
        {label}
      </Text>
      {children && <ul className={styles.detail}>{children}</ul>}
    </div>
  );
}
