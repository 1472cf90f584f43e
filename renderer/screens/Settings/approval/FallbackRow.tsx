// The fixed last row of the approval policy: what happens when no rule matches.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { decisionInfo } from './approval-draft';
import { DecisionBadge } from './DecisionBadge';

const useStyles = makeStyles({
  row: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  position: { minWidth: '28px', textAlign: 'center', color: tokens.colorNeutralForeground2 },
  text: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  summary: { color: tokens.colorNeutralForeground2 },
});

export function FallbackRow() {
  const styles = useStyles();
  return (
    <li className={styles.row} aria-labelledby="approval-fallback-title">
      <Text className={styles.position} aria-hidden>
        —
      </Text>
      <div className={styles.text}>
        <h3 id="approval-fallback-title" className={styles.title}>
          When no rule matches
        </h3>
        <Text size={200} className={styles.summary}>
          Every other account → {decisionInfo.confirm.sentence} This row is fixed and always last.
        </Text>
      </div>
      <DecisionBadge decision="confirm" />
    </li>
  );
}
