// Which colour and pattern is which state, with the total across the charted runs.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { formatCount } from '../../lib/format';
import { outcomeLabels, type OutcomeState } from './outcome-states';
import { Swatch } from './Swatch';

const useStyles = makeStyles({
  legend: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  item: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  count: { color: tokens.colorNeutralForeground2 },
});

export function OutcomeLegend({ totals }: { totals: Array<{ state: OutcomeState; count: number }> }) {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label="Legend">
      {totals.map(({ state, count }) => (
        <li key={state} className={styles.item}>
          <Swatch state={state} />
          <Text size={200}>{outcomeLabels[state]}</Text>
          <Text size={200} className={styles.count}>
            {formatCount(count)}
          </Text>
        </li>
      ))}
    </ul>
  );
}
