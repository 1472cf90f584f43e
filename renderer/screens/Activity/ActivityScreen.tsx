// Activity: the record. Every run with a chart of outcomes per run, its
// journal's integrity and its report exports, then the timeline across runs.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowClockwiseRegular, HistoryRegular } from '@fluentui/react-icons';
import { useMemo } from 'react';
import { OutcomeChart } from '../../components/chart/OutcomeChart';
import { plural } from '../../lib/format';
import { useActivityStore } from '../../state/activity-store';
import { EmptyState } from '../shared/EmptyState';
import { ScreenLayout } from '../shared/ScreenLayout';
import { chartSeries, CHARTED_RUNS, isFailedListing } from './activity-view';
import { FailedRunCard } from './FailedRunCard';
import { RunCard } from './RunCard';
import { Timeline } from './Timeline';
import { useActivityData } from './useActivityData';

const useStyles = makeStyles({
  toolbar: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  panel: {
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  runs: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  muted: { color: tokens.colorNeutralForeground2 },
});

export function ActivityScreen() {
  const styles = useStyles();
  const { reload } = useActivityData();
  const runs = useActivityStore((state) => state.runs);
  const timeline = useActivityStore((state) => state.timeline);
  const listings = useMemo(() => (runs.status === 'loaded' ? runs.value : []), [runs]);
  const series = useMemo(() => chartSeries(listings), [listings]);
  const loading = runs.status === 'loading' || runs.status === 'idle';

  return (
    <ScreenLayout title="Activity" purpose="The record of what was planned, approved, run and verified.">
      <div className={styles.toolbar}>
        <Button icon={<ArrowClockwiseRegular />} disabled={loading} onClick={reload}>
          Refresh
        </Button>
        <span role="status">{loading && <Spinner size="tiny" label="Reading the journals…" labelPosition="after" />}</span>
      </div>

      {runs.status === 'failed' && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>No runs to show</MessageBarTitle>
            {runs.error}
          </MessageBarBody>
        </MessageBar>
      )}

      {runs.status === 'loaded' && listings.length === 0 && (
        <EmptyState
          icon={<HistoryRegular />}
          title="No runs recorded yet"
          paragraphs={[
            'Every run writes a tamper-evident journal: the plan, each approval with who gave it, every step with its evidence, and each verification. Runs appear here with their outcomes, a check of their journal, and reports to export.',
            'A plan that was only reviewed or exported (a dry run) changes nothing and is not recorded here.',
          ]}
        />
      )}

      {listings.length > 0 && (
        <>
          {series.length > 0 && (
            <section className={`${styles.section} ${styles.panel}`} aria-label="Outcomes per run">
              <OutcomeChart series={series} caption={series.length < CHARTED_RUNS ? `Outcomes of ${plural(series.length, 'run')}` : `Outcomes of the last ${series.length} runs`} />
            </section>
          )}
          <section className={styles.section} aria-labelledby="activity-runs">
            <h2 id="activity-runs" className={styles.heading}>
              Runs <Text className={styles.muted}>{plural(listings.length, 'run')}, newest first</Text>
            </h2>
            <ul className={styles.runs}>
              {listings.map((listing) => (isFailedListing(listing) ? <FailedRunCard key={listing.runId} listing={listing} /> : <RunCard key={listing.runId} run={listing} />))}
            </ul>
          </section>
        </>
      )}

      <section className={styles.section} aria-labelledby="activity-timeline">
        <h2 id="activity-timeline" className={styles.heading}>
          Timeline
        </h2>
        {timeline.status === 'failed' && (
          <MessageBar intent="error">
            <MessageBarBody>{timeline.error}</MessageBarBody>
          </MessageBar>
        )}
        {timeline.status === 'loaded' &&
          (timeline.value.length === 0 ? <Text className={styles.muted}>Nothing has happened yet.</Text> : <Timeline entries={timeline.value} />)}
      </section>
    </ScreenLayout>
  );
}
