// How many selected accounts each rule keeps out.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { formatCount } from '../../lib/format';
import { ruleTypeLabel, type RuleCount } from './model/exclusions-view';

const useStyles = makeStyles({
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: { textAlign: 'left', padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  number: { textAlign: 'right' },
  head: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground2 },
  caption: { textAlign: 'left', fontWeight: tokens.fontWeightSemibold, paddingBottom: tokens.spacingVerticalXS },
});

export function RuleCounts({ rules }: { rules: readonly RuleCount[] }) {
  const styles = useStyles();
  return (
    <table className={styles.table}>
      <caption className={styles.caption}>
        Excluded by rule
      </caption>
      <thead>
        <tr>
          <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
            Set
          </th>
          <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
            Rule
          </th>
          <th scope="col" className={mergeClasses(styles.cell, styles.head)}>
            Type
          </th>
          <th scope="col" className={mergeClasses(styles.cell, styles.head, styles.number)}>
            Accounts
          </th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={`${rule.setName}/${rule.ruleId}`}>
            <td className={styles.cell}>{rule.setName}</td>
            <td className={styles.cell} title={rule.note ?? undefined}>
              {rule.ruleId}
            </td>
            <td className={styles.cell}>{ruleTypeLabel(rule.ruleType)}</td>
            <td className={mergeClasses(styles.cell, styles.number)}>{formatCount(rule.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
