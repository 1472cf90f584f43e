// The reset options. Each change makes a new plan at once (a dry run), so the
// rows below always show what these switches would do.
import { makeStyles, Switch, Text, tokens } from '@fluentui/react-components';
import { usePlanStore, type ResetOptionName } from '../../state/plan-store';

const optionText: Array<{ name: ResetOptionName; label: string; applies: string }> = [
  { name: 'forceChange', label: 'Force a password change at next sign-in', applies: 'Entra ID, Okta, Windows' },
  { name: 'forceChangeWithMfa', label: 'Require MFA before the change', applies: 'Entra ID' },
  { name: 'endSessions', label: 'End sign-in sessions', applies: 'Entra ID, Okta' },
  { name: 'revokeOAuthTokens', label: 'Revoke OAuth tokens', applies: 'Okta' },
  { name: 'forgetDevices', label: 'Forget remembered devices', applies: 'Okta' },
  { name: 'clearNeverExpires', label: 'Clear "password never expires"', applies: 'Windows' },
];

const useStyles = makeStyles({
  fieldset: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  legend: { padding: `0 ${tokens.spacingHorizontalXS}`, fontWeight: tokens.fontWeightSemibold },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(280px, 1fr))', columnGap: tokens.spacingHorizontalL },
  applies: { color: tokens.colorNeutralForeground3, marginLeft: tokens.spacingHorizontalXS },
});

export function ResetOptionsForm({ disabled }: { disabled: boolean }) {
  const styles = useStyles();
  const options = usePlanStore((state) => state.options);
  const setOption = usePlanStore((state) => state.setOption);
  return (
    <fieldset className={styles.fieldset} disabled={disabled}>
      <legend className={styles.legend}>Reset options</legend>
      <div className={styles.grid}>
        {optionText.map((option) => (
          <Switch
            key={option.name}
            checked={options[option.name]}
            disabled={disabled}
            onChange={(_event, data) => setOption(option.name, data.checked)}
            label={
              <>
                {option.label}
                <Text size={200} className={styles.applies}>
                  ({option.applies})
                </Text>
              </>
            }
          />
        ))}
      </div>
    </fieldset>
  );
}
