// What re-reading the account found after the reset: the verdict, its
// reasons, the state read back, and the evidence of the read.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { RunView } from '../../../preload/contract';
import { EvidenceList } from './EvidenceList';
import { formatEvidenceTime } from './evidence-format';

export type VerifyResult = NonNullable<RunView['accounts'][number]['verify']>;

const mustChangeText = { yes: 'Yes', no: 'No', unknown: 'Unknown' } as const;

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  reasons: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  facts: { display: 'grid', gridTemplateColumns: 'max-content minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  factRow: { display: 'contents' },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function VerificationCard({ outcome, reasons, state }: { outcome: VerifyResult['outcome']; reasons: string[]; state: VerifyResult['state'] | null }) {
  const styles = useStyles();
  const facts: Array<{ label: string; value: string }> = [];
  if (state) {
    facts.push({ label: 'Must change at next sign-in', value: mustChangeText[state.mustChange] });
    if (state.sessionsRevokedSince !== undefined) facts.push({ label: 'Sessions valid from', value: state.sessionsRevokedSince ?? 'Not revoked' });
    if (state.neverExpires !== undefined && state.neverExpires !== null) facts.push({ label: 'Password never expires', value: state.neverExpires ? 'Yes' : 'No' });
    if (state.directoryStatus) facts.push({ label: 'Directory status', value: state.directoryStatus });
    facts.push({ label: 'Checked', value: `${formatEvidenceTime(state.checkedAt)} via ${state.via}` });
  }
  return (
    <div className={styles.card}>
      {reasons.length > 0 ? (
        <ul className={styles.reasons}>
          {reasons.map((reason) => (
            <li key={reason}>
              <Text>{reason}</Text>
            </li>
          ))}
        </ul>
      ) : (
        <Text>{outcome === 'verified' ? 'Every change was read back as applied.' : 'No reason was given.'}</Text>
      )}
      {facts.length > 0 && (
        <dl className={styles.facts}>
          {facts.map((fact) => (
            <div key={fact.label} className={styles.factRow}>
              <dt className={styles.term}>{fact.label}</dt>
              <dd className={styles.value}>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {state?.error && <Text className={styles.error}>{state.error}</Text>}
      {state && <EvidenceList evidence={state.evidence} />}
    </div>
  );
}
