// What a screen shows while it has nothing to show: why it is empty, what it
// will list once there is data, and the step that fills it. Never sample data.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  panel: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    columnGap: tokens.spacingHorizontalL,
    padding: `${tokens.spacingVerticalXL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  icon: { fontSize: '40px', color: tokens.colorNeutralForeground3, paddingTop: tokens.spacingVerticalXXS },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  text: { margin: 0, color: tokens.colorNeutralForeground2, maxWidth: '72ch' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, marginTop: tokens.spacingVerticalS },
});

export interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  /** Paragraphs, each a full sentence or two. */
  paragraphs: string[];
  /** Extra content under the paragraphs (a short list). */
  children?: ReactNode;
  actions?: ReactNode;
}

export function EmptyState({ icon, title, paragraphs, children, actions }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <div className={styles.panel}>
      <span className={styles.icon} aria-hidden>
        {icon}
      </span>
      <div className={styles.body}>
        <h2 className={styles.title}>{title}</h2>
        {paragraphs.map((paragraph) => (
          <Text as="p" key={paragraph} className={styles.text} block>
            {paragraph}
          </Text>
        ))}
        {children}
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </div>
  );
}
