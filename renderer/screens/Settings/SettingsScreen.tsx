// Settings: theme, PowerShell edition and pacing, saved through settings.set.
import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useConsoleStore } from '../../state/store';
import { ScreenLayout } from '../shared/ScreenLayout';
import { PacingSettings } from './PacingSettings';
import { PowerShellSetting } from './PowerShellSetting';
import { ThemeSetting } from './ThemeSetting';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
});

export function SettingsScreen() {
  const styles = useStyles();
  const settings = useConsoleStore((state) => state.settings);
  const practice = useConsoleStore((state) => state.appInfo?.practice ?? false);
  return (
    <ScreenLayout title="Settings" purpose="How Rekey looks, which PowerShell it uses, and how hard it may push each directory.">
      {practice && (
        <MessageBar intent="info">
          <MessageBarBody>Practice settings are kept in memory and return to their defaults when the practice host stops.</MessageBarBody>
        </MessageBar>
      )}
      {settings ? (
        <div className={styles.sections}>
          <ThemeSetting value={settings.theme} />
          <PowerShellSetting value={settings.powershellEdition} />
          <PacingSettings saved={settings.pacing} />
        </div>
      ) : (
        <Spinner size="small" label="Loading settings…" />
      )}
    </ScreenLayout>
  );
}
