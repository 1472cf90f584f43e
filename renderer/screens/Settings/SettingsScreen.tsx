// Settings: exclusion sets, the approval policy, pacing, PowerShell edition
// and theme, each saved through settings.set by its own section.
import { Link, makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useConsoleStore } from '../../state/store';
import { ScreenLayout } from '../shared/ScreenLayout';
import { ApprovalPolicySection } from './approval/ApprovalPolicySection';
import { ExclusionSetsSection } from './exclusions/ExclusionSetsSection';
import { PacingSettings } from './PacingSettings';
import { PowerShellSetting } from './PowerShellSetting';
import { ThemeSetting } from './ThemeSetting';

const useStyles = makeStyles({
  sections: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  jump: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalL, margin: 0, padding: 0, listStyle: 'none' },
});

const sections = [
  { id: 'settings-exclusions', title: 'Exclusion sets' },
  { id: 'settings-approval', title: 'Approval policy' },
  { id: 'settings-pacing', title: 'Pacing' },
  { id: 'settings-powershell', title: 'PowerShell' },
  { id: 'settings-appearance', title: 'Appearance' },
];

export function SettingsScreen() {
  const styles = useStyles();
  const settings = useConsoleStore((state) => state.settings);
  const practice = useConsoleStore((state) => state.appInfo?.practice ?? false);
  return (
    <ScreenLayout title="Settings" purpose="Which accounts a reset never touches, how resets are approved, how hard Rekey may push each directory, and how it looks.">
      {practice && (
        <MessageBar intent="info">
          <MessageBarBody>Practice settings are kept in memory and return to their defaults when the practice host stops.</MessageBarBody>
        </MessageBar>
      )}
      <nav aria-label="Settings sections">
        <ul className={styles.jump}>
          {sections.map((section) => (
            <li key={section.id}>
              <Link
                href={`#${section.id}`}
                onClick={(event) => {
                  // Scroll inside the console instead of changing the address (the practice token lives there).
                  event.preventDefault();
                  const heading = document.getElementById(section.id);
                  heading?.scrollIntoView({ block: 'start' });
                  heading?.closest('section')?.querySelector<HTMLElement>('input, textarea, button, [tabindex="0"]')?.focus({ preventScroll: true });
                }}
              >
                {section.title}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {settings ? (
        <div className={styles.sections}>
          <ExclusionSetsSection saved={settings.exclusionSets} />
          <ApprovalPolicySection saved={settings.approvalRules} />
          <PacingSettings saved={settings.pacing} />
          <PowerShellSetting value={settings.powershellEdition} />
          <ThemeSetting value={settings.theme} />
        </div>
      ) : (
        <Spinner size="small" label="Loading settings…" />
      )}
    </ScreenLayout>
  );
}
