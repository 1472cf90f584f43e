// The answer to a lookup: a heading that takes focus when the answer arrives,
// where Rekey looked, and one card per account found (or why none was).
import { makeStyles, MessageBar, MessageBarBody, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { useVerifyStore, matchKey, type LookupMatch } from '../../state/verify-store';
import { MatchCard } from './MatchCard';
import { SearchedDirectories } from './SearchedDirectories';
import { lookupAnnouncement } from './verify-view';

const useStyles = makeStyles({
  results: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '2px' },
  },
  cards: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export function LookupResults({ onCheckAgain }: { onCheckAgain: (match: LookupMatch) => void }) {
  const styles = useStyles();
  const lookup = useVerifyStore((state) => state.lookup);
  const answerSerial = useVerifyStore((state) => state.answerSerial);
  const heading = useRef<HTMLHeadingElement>(null);
  // Focus moves to the heading when a new answer arrives, not when the screen is revisited.
  const seenSerial = useRef(answerSerial);
  useEffect(() => {
    if (answerSerial !== seenSerial.current) {
      seenSerial.current = answerSerial;
      heading.current?.focus();
    }
  }, [answerSerial]);

  if (lookup.kind === 'idle') return null;
  const name = lookup.request.name;
  return (
    <section className={styles.results} aria-labelledby="verify-results-heading" aria-busy={lookup.kind === 'loading'}>
      <h2 id="verify-results-heading" ref={heading} tabIndex={-1} className={styles.heading}>
        Results for “{name}”
      </h2>
      {lookup.kind === 'loading' && <Spinner size="small" labelPosition="after" label={`Looking up “${name}” and reading its state…`} />}
      {lookup.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>The lookup did not finish: {lookup.message}</MessageBarBody>
        </MessageBar>
      )}
      {lookup.kind === 'done' && (
        <>
          <SearchedDirectories searched={lookup.result.searched} />
          {lookup.result.matches.length === 0 ? (
            <MessageBar intent="info">
              <MessageBarBody>{lookupAnnouncement(name, lookup.result)} Check the spelling, try the login or UPN, or search a different directory or host.</MessageBarBody>
            </MessageBar>
          ) : (
            <div className={styles.cards}>
              {lookup.result.matches.map((match) => (
                <MatchCard key={matchKey(match)} match={match} searched={lookup.result.searched} onCheckAgain={onCheckAgain} />
              ))}
            </div>
          )}
        </>
      )}
    </section>
  );
}
