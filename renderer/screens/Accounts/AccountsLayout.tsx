// The Accounts screen's frame: the page's one h1 and its purpose, with the
// screen's own actions beside the title. Unlike the other screens it spans the
// full width: nine columns of accounts need it.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  screen: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  top: { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', gap: tokens.spacingHorizontalL, flexWrap: 'wrap' },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  purpose: { color: tokens.colorNeutralForeground2 },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function AccountsLayout({ actions, children }: { actions?: ReactNode; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.screen} aria-labelledby="screen-title">
      <div className={styles.top}>
        <div className={styles.heading}>
          <h1 id="screen-title" className={styles.title}>
            Accounts
          </h1>
          <Text className={styles.purpose}>Choose the accounts whose credentials to reset.</Text>
        </div>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {children}
    </section>
  );
}
