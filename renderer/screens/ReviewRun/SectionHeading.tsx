// An h2 for a part of the Review & run screen, with its count beside it.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { plural } from '../../lib/format';

const useStyles = makeStyles({
  heading: { display: 'flex', alignItems: 'baseline', gap: tokens.spacingHorizontalS, margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  count: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
});

export function SectionHeading({ id, count, noun, children }: { id: string; count?: number; noun?: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <h2 id={id} className={styles.heading}>
      {children}
      {count !== undefined && noun && (
        <Text size={200} className={styles.count}>
          {plural(count, noun)}
        </Text>
      )}
    </h2>
  );
}
