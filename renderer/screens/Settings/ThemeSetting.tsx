// Theme choice; applied as soon as it is saved.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import { themeChoice, type ThemeChoice } from '../../../preload/contract';
import { SettingsSection } from './SettingsSection';
import { useSaveSettings } from './useSaveSettings';

const labels: Record<ThemeChoice, string> = {
  system: 'Match Windows',
  light: 'Light',
  dark: 'Dark',
  'high-contrast': 'High contrast',
};

export function ThemeSetting({ value }: { value: ThemeChoice }) {
  const { status, save } = useSaveSettings();
  return (
    <SettingsSection id="settings-appearance" title="Appearance" status={status}>
      <Field label="Theme" hint="Match Windows follows light or dark mode and Windows contrast themes as they change.">
        <RadioGroup
          layout="horizontal"
          value={value}
          onChange={(_event, data) => {
            const parsed = themeChoice.safeParse(data.value);
            if (parsed.success) void save({ theme: parsed.data }, 'Theme');
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
