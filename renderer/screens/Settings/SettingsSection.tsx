// One titled group of settings, as a card. The outcome of its last save sits
// beside the title, in a live region that exists before anything is saved.
import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { SaveStatusText } from './SaveStatusText';
import type { SaveStatus } from './useSaveSettings';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: { display: 'flex', alignItems: 'baseline', justifyContent: 'space-between', gap: tokens.spacingHorizontalM },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
});

export function SettingsSection({ id, title, status, children }: { id: string; title: string; status: SaveStatus; children: ReactNode }) {
  const styles = useStyles();
  return (
    <section className={styles.section} aria-labelledby={id}>
      <div className={styles.header}>
        <h2 id={id} className={styles.title}>
          {title}
        </h2>
        <SaveStatusText status={status} />
      </div>
      {children}
    </section>
  );
}
