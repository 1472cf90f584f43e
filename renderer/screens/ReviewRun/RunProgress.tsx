// The run's overall progress: a bar, counts, throughput and time left, plus a
// coarse announcement for screen readers.
import { Field, makeStyles, ProgressBar, tokens } from '@fluentui/react-components';
import { useRunStore } from '../../state/run-store';
import { runPhase, runTotals } from './run-model';
import { phaseTitle, progressAnnouncement, progressLine } from './run-progress-text';

const useStyles = makeStyles({
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

export function RunProgress() {
  const styles = useStyles();
  const counts = useRunStore((state) => state.model?.counts);
  const total = useRunStore((state) => state.model?.total ?? null);
  const throughput = useRunStore((state) => state.model?.throughputPerSecond ?? null);
  const eta = useRunStore((state) => state.model?.etaMs ?? null);
  const phase = useRunStore((state) => (state.model ? runPhase(state.model) : 'starting'));
  const cancelled = useRunStore((state) => state.model?.finished?.cancelled ?? false);
  const stopped = useRunStore((state) => state.stopped !== null);
  if (!counts) return null;
  const totals = runTotals(counts, total);
  const value = totals.total > 0 ? totals.finished / totals.total : 0;
  const title = stopped ? 'Stopped before it finished' : phaseTitle(phase, cancelled);
  return (
    <div className={styles.progress}>
      <h2 className={styles.title}>{title}</h2>
      <Field hint={progressLine(totals, phase, throughput, eta)}>
        <ProgressBar
          value={phase === 'starting' ? undefined : value}
          thickness="large"
          color={phase !== 'finished' ? 'brand' : totals.failed + totals.notVerified + totals.couldNotVerify + counts.cancelled > 0 ? 'warning' : 'success'}
          aria-label="Accounts done"
          aria-valuetext={progressLine(totals, phase, null, null)}
        />
      </Field>
      <span className={styles.hidden} role="status" aria-live="polite">
        {progressAnnouncement(totals, phase, cancelled)}
      </span>
    </div>
  );
}
