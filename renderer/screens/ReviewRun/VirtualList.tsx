// A scrolling list of fixed-height rows. Up to a few hundred rows are all in
// the DOM (find-in-page works, nothing to recycle); beyond that only the rows
// in view exist, so a 5,000-account plan or run scrolls as fast as a short one.
import { makeStyles, tokens } from '@fluentui/react-components';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

/** Above this many rows the list renders only what is in view. */
export const VIRTUALISE_ABOVE = 300;

export interface VirtualListProps {
  /** The list's accessible name. */
  label: string;
  count: number;
  rowHeight: number;
  /** Tallest the list gets before it scrolls, in pixels. */
  maxHeight: number;
  rowKey(index: number): string;
  renderRow(index: number): ReactNode;
  /** Shown instead of rows when there are none. */
  empty?: ReactNode;
  /** Rows hold no control: make the scrolling frame itself a tab stop so the keyboard can scroll it. */
  focusableFrame?: boolean;
}

const useStyles = makeStyles({
  frame: {
    overflowY: 'auto',
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  list: { listStyle: 'none', margin: 0, padding: 0, position: 'relative' },
  item: { boxSizing: 'border-box', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`, overflow: 'hidden' },
  virtualItem: { position: 'absolute', left: 0, right: 0 },
  empty: { padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`, color: tokens.colorNeutralForeground2 },
});

export function VirtualList({ label, count, rowHeight, maxHeight, rowKey, renderRow, empty, focusableFrame = false }: VirtualListProps) {
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const virtual = count > VIRTUALISE_ABOVE;
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 10,
    getItemKey: rowKey,
  });

  if (count === 0) return <div className={`${styles.frame} ${styles.empty}`}>{empty}</div>;

  const height = Math.min(maxHeight, count * rowHeight + 2);
  return (
    <div
      ref={scrollerRef}
      className={styles.frame}
      style={{ height }}
      {...(focusableFrame ? { tabIndex: 0, role: 'region', 'aria-label': `${label} (scrolls)` } : {})}
    >
      {virtual ? (
        <ul className={styles.list} aria-label={label} style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <li
              key={item.key as string}
              className={`${styles.item} ${styles.virtualItem}`}
              style={{ top: item.start, height: rowHeight }}
              aria-setsize={count}
              aria-posinset={item.index + 1}
            >
              {renderRow(item.index)}
            </li>
          ))}
        </ul>
      ) : (
        <ul className={styles.list} aria-label={label}>
          {Array.from({ length: count }, (_, index) => (
            <li key={rowKey(index)} className={styles.item} style={{ height: rowHeight }}>
              {renderRow(index)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
