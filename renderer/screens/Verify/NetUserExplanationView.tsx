// What pasted `net user` output says, and what it cannot prove: findings in
// sentences, caveats, the labels Rekey did not recognise (so nothing is hidden)
// and the language it was read in.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { WarningRegular } from '@fluentui/react-icons';
import type { NetUserExplanation } from '../../state/verify-store';
import { FindingList } from './FindingList';
import { languageName } from './verify-view';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  meta: { color: tokens.colorNeutralForeground2 },
  caveats: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  caveat: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalS, alignItems: 'start' },
  caveatIcon: { fontSize: '18px', color: tokens.colorNeutralForeground2, paddingTop: '1px' },
  unrecognised: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalXL,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: 'anywhere',
  },
});

export function NetUserExplanationView({ explanation }: { explanation: NetUserExplanation }) {
  const styles = useStyles();
  return (
    <div className={styles.wrap}>
      <Text className={styles.meta}>
        Read as {languageName(explanation.language)} output{explanation.userName ? ` for the account ${explanation.userName}` : ''}.
      </Text>
      <FindingList findings={explanation.findings} label="What the net user output shows" />
      {explanation.caveats.length > 0 && (
        <section aria-labelledby="net-user-caveats" className={styles.wrap}>
          <h3 id="net-user-caveats" className={styles.heading}>
            What this output cannot prove
          </h3>
          <ul className={styles.caveats}>
            {explanation.caveats.map((caveat) => (
              <li key={caveat} className={styles.caveat}>
                <span className={styles.caveatIcon} aria-hidden>
                  <WarningRegular />
                </span>
                <Text>{caveat}</Text>
              </li>
            ))}
          </ul>
        </section>
      )}
      {explanation.unrecognised.length > 0 && (
        <section aria-labelledby="net-user-unrecognised" className={styles.wrap}>
          <h3 id="net-user-unrecognised" className={styles.heading}>
            Lines Rekey did not recognise
          </h3>
          <ul className={styles.unrecognised}>
            {explanation.unrecognised.map((label, index) => (
              <li key={`${label}-${index}`}>{label}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
