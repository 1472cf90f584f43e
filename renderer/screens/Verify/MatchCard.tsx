// One account the lookup found: who it is, what holds (in sentences), the raw
// evidence one click away, and "Check again" to re-read it now (Entra's
// session revocation can take minutes to show).
import { Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowSyncRegular, ChevronDownRegular, ChevronRightRegular, PersonRegular } from '@fluentui/react-icons';
import { EvidenceList } from '../../components/evidence/EvidenceList';
import { useVerifyStore, matchKey, type LookupMatch, type LookupResult } from '../../state/verify-store';
import { FindingList } from './FindingList';
import { accountFacts } from './verify-view';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: { display: 'grid', gridTemplateColumns: 'auto minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, alignItems: 'start' },
  avatar: { fontSize: '28px', color: tokens.colorNeutralForeground2 },
  identity: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: 0 },
  name: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold, overflowWrap: 'anywhere' },
  facts: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  fact: { display: 'inline-flex', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  term: { color: tokens.colorNeutralForeground2 },
  value: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  checked: { color: tokens.colorNeutralForeground2 },
  evidence: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export function MatchCard({ match, searched, onCheckAgain }: { match: LookupMatch; searched: LookupResult['searched']; onCheckAgain: (match: LookupMatch) => void }) {
  const styles = useStyles();
  const key = matchKey(match);
  const open = useVerifyStore((state) => state.evidenceOpen[key] ?? false);
  const recheck = useVerifyStore((state) => state.recheck[key]);
  const toggleEvidence = useVerifyStore((state) => state.toggleEvidence);
  const { account, state, findings } = match;
  // Keys carry "|" and ids may carry anything; element ids need neither.
  const domId = `verify-match-${key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  const checking = recheck?.kind === 'checking';

  return (
    <article className={styles.card} aria-labelledby={`${domId}-name`}>
      <div className={styles.header}>
        <span className={styles.avatar} aria-hidden>
          <PersonRegular />
        </span>
        <div className={styles.identity}>
          <h3 id={`${domId}-name`} className={styles.name}>
            {account.displayName || account.login}
          </h3>
          <dl className={styles.facts}>
            {accountFacts(match, searched).map((fact) => (
              <div key={fact.label} className={styles.fact}>
                <dt className={styles.term}>{fact.label}</dt>
                <dd className={styles.value}>{fact.value}</dd>
              </div>
            ))}
          </dl>
        </div>
      </div>

      {state.error ? (
        <MessageBar intent="warning">
          <MessageBarBody>{state.error}</MessageBarBody>
        </MessageBar>
      ) : null}

      <FindingList findings={findings} label={`What holds for ${account.login}`} />

      <div className={styles.actions}>
        <Button
          size="small"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={`${domId}-evidence`}
          onClick={() => toggleEvidence(key)}
        >
          {open ? 'Hide evidence' : 'Show evidence'} ({state.evidence.length})
        </Button>
        <Button size="small" icon={<ArrowSyncRegular />} disabled={checking} onClick={() => onCheckAgain(match)} aria-label={`Check again ${account.login}`}>
          Check again
        </Button>
        <Text size={200} className={styles.checked} role="status">
          {checking ? <Spinner size="extra-tiny" label="Reading the account again…" labelPosition="after" /> : null}
          {recheck?.kind === 'checked' ? 'Read again just now: the findings above are from this read.' : null}
        </Text>
      </div>
      {recheck && (recheck.kind === 'failed' || recheck.kind === 'gone') ? (
        <MessageBar intent="error">
          <MessageBarBody>{recheck.message}</MessageBarBody>
        </MessageBar>
      ) : null}

      <div id={`${domId}-evidence`} className={styles.evidence} hidden={!open}>
        {open ? <EvidenceList evidence={state.evidence} /> : null}
      </div>
    </article>
  );
}
