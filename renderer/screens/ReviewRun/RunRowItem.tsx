// One account in a run: who, its status chip, and what happened in a line.
// The whole row is a button (named by its text): click or Enter opens the evidence drawer. It
// subscribes to its own row only, so a 5,000-row run re-renders just the rows
// whose status changed in each frame.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronRightRegular } from '@fluentui/react-icons';
import { memo } from 'react';
import { useRunStore } from '../../state/run-store';
import { rowSummary } from './status-text';
import { StatusChip } from './StatusChip';

export const RUN_ROW_HEIGHT = 52;

/** A hidden sentence every row points at (RunRows renders it once). */
export const EVIDENCE_HINT_ID = 'run-row-evidence-hint';

const useStyles = makeStyles({
  button: {
    display: 'grid',
    gridTemplateColumns: 'minmax(180px, 1.2fr) 150px minmax(0, 2fr) 20px',
    columnGap: tokens.spacingHorizontalM,
    alignItems: 'center',
    width: '100%',
    height: '100%',
    padding: `0 ${tokens.spacingHorizontalM}`,
    border: 'none',
    margin: 0,
    textAlign: 'start',
    font: 'inherit',
    color: tokens.colorNeutralForeground1,
    backgroundColor: 'transparent',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':active': { backgroundColor: tokens.colorNeutralBackground1Pressed },
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})` },
  },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  login: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  summary: { color: tokens.colorNeutralForeground2, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  chevron: { color: tokens.colorNeutralForeground3 },
});

export const RunRowItem = memo(function RunRowItem({ rowKey, onOpen }: { rowKey: string; onOpen: (key: string) => void }) {
  const styles = useStyles();
  const row = useRunStore((state) => state.model?.rows[rowKey]);
  const directoryName = useRunStore((state) => {
    const directoryId = state.model?.rows[rowKey]?.directoryId ?? '';
    return state.model?.directoryNames[directoryId] ?? directoryId;
  });
  if (!row) return null;
  const summary = rowSummary(row);
  return (
    <button
      type="button"
      className={styles.button}
      data-row-key={rowKey}
      aria-describedby={EVIDENCE_HINT_ID}
      onClick={() => onOpen(rowKey)}
    >
      <span className={styles.who}>
        <Text size={300} className={styles.login}>
          {row.label}
        </Text>
        <Text size={200} className={styles.muted}>
          {row.displayName ? `${row.displayName} · ` : ''}
          {directoryName}
        </Text>
      </span>
      <span>
        <StatusChip status={row.status} />
      </span>
      <Text size={200} className={styles.summary}>
        {summary}
      </Text>
      <ChevronRightRegular className={styles.chevron} aria-hidden />
    </button>
  );
});
