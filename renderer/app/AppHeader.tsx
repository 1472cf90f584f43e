// The banner: product name, and the facts an operator must never miss: is this
// the practice console, which version, and does this process have the rights
// to change local Windows accounts.
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { KeyResetRegular } from '@fluentui/react-icons';
import { useConsoleStore } from '../state/store';
import { ConnectionBadge } from './ConnectionBadge';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    minHeight: '44px',
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  brand: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { fontSize: '22px', color: tokens.colorBrandForeground1 },
  name: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  tagline: { color: tokens.colorNeutralForeground3 },
  facts: { marginLeft: 'auto', display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  version: { color: tokens.colorNeutralForeground3 },
});

export function AppHeader() {
  const styles = useStyles();
  const appInfo = useConsoleStore((state) => state.appInfo);
  return (
    <header className={styles.header}>
      <div className={styles.brand}>
        <KeyResetRegular className={styles.icon} aria-hidden />
        <Text className={styles.name}>Rekey</Text>
        <Text size={200} className={styles.tagline}>
          Credential reset console
        </Text>
      </div>
      <div className={styles.facts}>
        {appInfo?.practice && (
          <Badge appearance="filled" color="warning" shape="rounded">
            Practice
          </Badge>
        )}
        {appInfo && (
          <Badge appearance="outline" color={appInfo.elevated ? 'important' : 'informative'} shape="rounded">
            {appInfo.elevated ? 'Administrator' : 'Not elevated'}
          </Badge>
        )}
        <ConnectionBadge />
        {appInfo && (
          <Text size={200} className={styles.version}>
            Version {appInfo.version}
          </Text>
        )}
      </div>
    </header>
  );
}
