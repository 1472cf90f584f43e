// What can be done with the run now: cancel while it runs; afterwards verify
// again (Entra's revocation can take minutes to show), plan the failures
// again, or start over with the selection.
import { Button, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular, ArrowResetRegular, HistoryRegular, ShieldTaskRegular } from '@fluentui/react-icons';
import { formatCount } from '../../lib/format';
import { useConsoleStore } from '../../state/store';
import { useRunStore } from '../../state/run-store';
import { reverifiableKeys, runPhase } from './run-model';
import { CancelRunDialog } from './CancelRunDialog';
import type { RunActions as Actions } from './useRunActions';

const activityText = {
  starting: 'Starting…',
  cancelling: 'Cancelling…',
  'verifying-again': 'Verifying again…',
  retrying: 'Planning the failed accounts…',
  resuming: 'Resuming…',
  'loading-view': 'Reading the final states from the journal…',
} as const;

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export function RunActions({ actions }: { actions: Actions }) {
  const styles = useStyles();
  const showScreen = useConsoleStore((state) => state.showScreen);
  const phase = useRunStore((state) => (state.model ? runPhase(state.model) : 'starting'));
  const activity = useRunStore((state) => state.activity);
  const reverifiable = useRunStore((state) => (state.model ? reverifiableKeys(state.model).length : 0));
  const retryable = useRunStore((state) => (state.model ? state.model.counts.failed + state.model.counts['not-verified'] + state.model.counts['could-not-verify'] + state.model.counts.cancelled : 0));
  const stopped = useRunStore((state) => state.stopped !== null);
  // A run that stopped without its end record is over too, as far as this screen can act on it.
  const finished = phase === 'finished' || stopped;

  return (
    <div className={styles.actions}>
      {!finished && <CancelRunDialog disabled={phase === 'starting' || activity === 'cancelling'} onCancel={() => void actions.cancel()} />}
      {phase === 'finished' && reverifiable > 0 && (
        <Button icon={<ShieldTaskRegular />} disabled={activity !== null} onClick={() => void actions.verifyAgain()}>
          Verify {formatCount(reverifiable)} again
        </Button>
      )}
      {phase === 'finished' && retryable > 0 && (
        <Button icon={<ArrowRepeatAllRegular />} disabled={activity !== null} onClick={() => void actions.retryFailed()}>
          Retry failed
        </Button>
      )}
      {finished && (
        <>
          <Button icon={<ArrowResetRegular />} disabled={activity !== null} onClick={actions.startOver}>
            Start over
          </Button>
          <Button icon={<HistoryRegular />} appearance="subtle" onClick={() => showScreen('activity')}>
            See it in Activity
          </Button>
        </>
      )}
      {activity && <Spinner size="tiny" label={activityText[activity]} labelPosition="after" />}
    </div>
  );
}
