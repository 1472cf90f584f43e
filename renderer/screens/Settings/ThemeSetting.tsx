// Theme choice; applied as soon as it is saved.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { themeChoice, type ThemeChoice } from '../../../preload/contract';
import { SettingsSection } from './SettingsSection';
import { useOptimisticChoice } from './useOptimisticChoice';
import { useSaveSettings } from './useSaveSettings';

const labels: Record<ThemeChoice, string> = {
  system: 'Match Windows',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

export function ThemeSetting({ value }: { value: ThemeChoice }) {
  const { status, save } = useSaveSettings();
  const [shown, choose] = useOptimisticChoice(value, (theme: ThemeChoice) => save({ theme }, 'Theme'));
  return (
    <SettingsSection id="settings-appearance" title="Appearance" status={status}>
      <Field label="Theme" hint="Match Windows follows light or dark mode and Windows contrast themes as they change.">
        <RadioGroup
          layout="horizontal"
          value={shown}
          onChange={(_event, data) => {
            const parsed = themeChoice.safeParse(data.value);
            if (parsed.success) choose(parsed.data);
          }}
        >
          {themeChoice.options.map((option) => (
            <Radio key={option} value={option} label={labels[option]} />
          ))}
        </RadioGroup>
      </Field>
    </SettingsSection>
  );
}
