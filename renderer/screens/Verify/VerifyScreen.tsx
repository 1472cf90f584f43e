// Verify, the helpdesk view: look one account up across the connected
// directories (or on one Windows host), re-read it, and say in plain words
// what holds, with the raw evidence one click away. Output of `net user` from
// a machine Rekey cannot reach can be pasted and explained.
import { makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useVerifyStore } from '../../state/verify-store';
import { ScreenLayout } from '../shared/ScreenLayout';
import { LookupForm } from './LookupForm';
import { LookupResults } from './LookupResults';
import { NetUserExplainer } from './NetUserExplainer';
import { useLookupDirectories } from './useLookupDirectories';
import { useVerifyActions } from './useVerifyActions';
import { lookupAnnouncement } from './verify-view';
import { VerifyIntro } from './VerifyIntro';

const useStyles = makeStyles({
  lookup: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  // Visually hidden but read by screen readers: the outcome of each lookup.
  announcer: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    margin: '-1px',
    padding: 0,
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
    border: 0,
  },
});

function useLookupAnnouncement(): string {
  return useVerifyStore((state) => {
    const { lookup } = state;
    switch (lookup.kind) {
      case 'idle':
        return '';
      case 'loading':
        return `Looking up ${lookup.request.name}…`;
      case 'failed':
        return `The lookup did not finish: ${lookup.message}`;
      case 'done':
        return lookupAnnouncement(lookup.request.name, lookup.result);
    }
  });
}

export function VerifyScreen() {
  const styles = useStyles();
  const { directories, error } = useLookupDirectories();
  const { lookup, checkAgain, explainNetUser } = useVerifyActions();
  const idle = useVerifyStore((state) => state.lookup.kind === 'idle');
  const busy = useVerifyStore((state) => state.lookup.kind === 'loading');
  const announcement = useLookupAnnouncement();

  return (
    <ScreenLayout title="Verify" purpose="Look one account up, read it again now, and see in plain words whether its reset held.">
      <div className={styles.lookup}>
        <LookupForm directories={directories} busy={busy} onLookup={(request) => void lookup(request)} />
        {error && (
          <MessageBar intent="warning">
            <MessageBarBody>{error} Every connected directory is still searched.</MessageBarBody>
          </MessageBar>
        )}
      </div>
      <div role="status" aria-live="polite" className={styles.announcer}>
        {announcement}
      </div>
      {idle ? <VerifyIntro connected={directories.some((directory) => directory.usable)} /> : <LookupResults onCheckAgain={(match) => void checkAgain(match)} />}
      <NetUserExplainer onExplain={(text) => void explainNetUser(text)} />
    </ScreenLayout>
  );
}
