// Layout shared by the Add forms: a column of fields, a row of actions.
import { makeStyles, tokens } from '@fluentui/react-components';

export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '640px' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', gap: tokens.spacingHorizontalL, alignItems: 'start' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  intro: { color: tokens.colorNeutralForeground2, margin: 0 },
});
