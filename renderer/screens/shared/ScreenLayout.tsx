// Frame of every screen: its title as the page's one h1, a line saying what
// the screen is for, then the content.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, maxWidth: '960px' },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: {
    margin: 0,
    fontSize: tokens.fontSizeBase500,
    lineHeight: tokens.lineHeightBase500,
    fontWeight: tokens.fontWeightSemibold,
  },
  purpose: { color: tokens.colorNeutralForeground2 },
});

export function ScreenLayout({ title, purpose, children }: { title: string; purpose: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.screen} aria-labelledby="screen-title">
      <div className={styles.heading}>
        <h1 id="screen-title" className={styles.title}>
          {title}
        </h1>
        <Text className={styles.purpose}>{purpose}</Text>
      </div>
      {children}
    </section>
  );
}
