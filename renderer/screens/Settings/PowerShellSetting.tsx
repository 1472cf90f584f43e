// Which PowerShell runs the Windows local-account scripts.
import { Field, Radio, RadioGroup } from '@fluentui/react-components';
import type { Settings } from '../../../preload/contract';
import { SettingsSection } from './SettingsSection';
import { useOptimisticChoice } from './useOptimisticChoice';
import { useSaveSettings } from './useSaveSettings';

type Edition = Settings['powershellEdition'];

const editions: { value: Edition; label: string }[] = [
  { value: 'windows-powershell', label: 'Windows PowerShell 5.1 (powershell.exe, included with Windows)' },
  { value: 'pwsh', label: 'PowerShell 7 (pwsh.exe, installed separately)' },
];

export function PowerShellSetting({ value }: { value: Edition }) {
  const { status, save } = useSaveSettings();
  const [shown, choose] = useOptimisticChoice(value, (edition: Edition) => save({ powershellEdition: edition }, 'PowerShell edition'));
  return (
    <SettingsSection id="settings-powershell" title="PowerShell" status={status}>
      <Field label="Edition for Windows local accounts" hint="Runs the scripts that reset local accounts, on this machine and over WinRM.">
        <RadioGroup
          value={shown}
          onChange={(_event, data) => {
            const chosen = editions.find((edition) => edition.value === data.value);
            if (chosen) choose(chosen.value);
          }}
        >
          {editions.map((edition) => (
            <Radio key={edition.value} value={edition.value} label={edition.label} />
          ))}
        </RadioGroup>
      </Field>
    </SettingsSection>
  );
}
