// What happened across all runs, newest first: starts, resumes, cancellations,
// ends, interruptions and re-verifications, with who and when.
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { formatDateTime, plural } from '../../lib/format';
import type { TimelineEntryDto } from '../../state/activity-store';
import { timelineKindText } from './activity-view';

const SHOWN = 25;

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  item: {
    display: 'grid',
    gridTemplateColumns: '170px 120px minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'baseline',
    padding: `${tokens.spacingVerticalXS} 0`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  time: { color: tokens.colorNeutralForeground2, fontVariantNumeric: 'tabular-nums' },
  who: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'flex-start', marginTop: tokens.spacingVerticalS },
});

export function Timeline({ entries }: { entries: TimelineEntryDto[] }) {
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const shown = all ? entries : entries.slice(0, SHOWN);
  return (
    <>
      <ol className={styles.list} aria-label="Timeline, newest first">
        {shown.map((entry, index) => (
          <li key={`${entry.runId}-${entry.kind}-${entry.at}-${index}`} className={styles.item}>
            <Text size={200} className={styles.time}>
              {formatDateTime(entry.at)}
            </Text>
            <span>
              <Badge appearance="tint" shape="rounded" color={entry.kind === 'run-interrupted' ? 'warning' : 'informative'}>
                {timelineKindText[entry.kind]}
              </Badge>
            </span>
            <Text size={200}>
              {entry.text} <span className={styles.who}>— {entry.who}{entry.practice ? ', practice run' : ''}</span>
            </Text>
          </li>
        ))}
      </ol>
      {entries.length > SHOWN && (
        <Button className={styles.more} size="small" appearance="transparent" onClick={() => setAll(!all)}>
          {all ? 'Show fewer' : `Show all ${plural(entries.length, 'entry', 'entries')}`}
        </Button>
      )}
    </>
  );
}
