// A virtualised ARIA grid for long lists (50,000 accounts): only the rows in
// view (plus a few) exist in the DOM, each a fixed height, under a sticky
// header row. Keyboard: arrows, Home/End, PageUp/PageDown move the active row;
// with selection, Space toggles, Shift extends, Ctrl/Cmd+A selects all. The
// header is one tab stop (arrows move across it, Enter sorts), the rows are
// another. The active row is always rendered, so focus is never lost to a
// recycled row.
import { makeStyles, tokens } from '@fluentui/react-components';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { gridKeyAction, headerKeyTarget } from './grid-keys';
import { gridMinWidth, gridTemplate, SELECTION_COLUMN_WIDTH, type GridColumn, type GridSort } from './grid-layout';
import { GridHeaderCell } from './GridHeaderCell';
import { GridRow, type GridRowSelection } from './GridRow';
import type { SelectionGesture } from './selection-model';

export interface GridSelection extends GridRowSelection {
  onGesture(gesture: SelectionGesture): void;
}

export interface VirtualGridProps {
  /** The grid's accessible name. */
  label: string;
  columns: readonly GridColumn[];
  rowCount: number;
  rowKey(position: number): string;
  /** Keep stable (useCallback) while the data is unchanged, so rows can skip re-rendering. */
  renderCell(position: number, column: GridColumn): ReactNode;
  /** Height of the whole grid, header included, in pixels. */
  height: number;
  rowHeight?: number;
  sort?: GridSort | null;
  onSort?(columnId: string): void;
  /** Makes rows selectable; keep the object stable (useMemo). */
  selection?: GridSelection;
  /** When this value changes the grid scrolls back to the top (a new search or sort). */
  resetKey?: unknown;
  /** Shown over the empty body when there are no rows. */
  empty?: ReactNode;
  id?: string;
}

const HEADER_HEIGHT = 32;

const selectionColumn: GridColumn = { id: 'selected', title: 'Selected', width: SELECTION_COLUMN_WIDTH, hideTitle: true };

const useStyles = makeStyles({
  frame: {
    position: 'relative',
    boxSizing: 'border-box',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    overflow: 'hidden',
  },
  scroller: { height: '100%', overflow: 'auto', fontSize: tokens.fontSizeBase200, lineHeight: tokens.lineHeightBase200 },
  headerGroup: {
    position: 'sticky',
    top: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  headerRow: { display: 'grid', alignItems: 'stretch', height: `${HEADER_HEIGHT}px` },
  body: { position: 'relative' },
  empty: {
    position: 'absolute',
    top: `${HEADER_HEIGHT + 1}px`,
    left: 0,
    right: 0,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalL}`,
    color: tokens.colorNeutralForeground2,
  },
});

export function VirtualGrid({
  label,
  columns,
  rowCount,
  rowKey,
  renderCell,
  height,
  rowHeight = 32,
  sort = null,
  onSort,
  selection,
  resetKey,
  empty,
  id,
}: VirtualGridProps) {
  const styles = useStyles();
  const scrollerRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const headerRef = useRef<HTMLDivElement>(null);
  const [activeState, setActive] = useState(0);
  const active = rowCount === 0 ? -1 : Math.min(activeState, rowCount - 1);
  const headerColumns = useMemo(() => (selection ? [selectionColumn, ...columns] : columns), [selection, columns]);
  const firstSortable = Math.max(0, headerColumns.findIndex((column) => column.sortable));
  // Headers are a tab stop only when they do something (sort); otherwise ArrowUp from the first row still reaches them.
  const headersTabbable = Boolean(onSort) && headerColumns.some((column) => column.sortable);
  const [headerIndex, setHeaderIndex] = useState(firstSortable);
  const focusActiveRow = useRef(false);

  // Always render the active row, even scrolled far away: it may hold focus.
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range);
      if (active >= 0 && !indexes.includes(active)) {
        indexes.push(active);
        indexes.sort((a, b) => a - b);
      }
      return indexes;
    },
    [active],
  );

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollerRef.current,
    estimateSize: () => rowHeight,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
    rangeExtractor,
    getItemKey: rowKey,
  });

  const template = useMemo(() => gridTemplate(columns, Boolean(selection)), [columns, selection]);
  const minWidth = gridMinWidth(columns, Boolean(selection));
  const pageSize = Math.max(1, Math.floor((height - HEADER_HEIGHT) / rowHeight));

  // A new search or sort starts at the top.
  const lastReset = useRef(resetKey);
  useEffect(() => {
    if (lastReset.current === resetKey) return;
    lastReset.current = resetKey;
    setActive(0);
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  }, [resetKey]);

  useLayoutEffect(() => {
    if (!focusActiveRow.current) return;
    focusActiveRow.current = false;
    bodyRef.current?.querySelector<HTMLElement>(`[data-position="${active}"]`)?.focus({ preventScroll: true });
  });

  const moveTo = useCallback(
    (position: number) => {
      setActive(position);
      focusActiveRow.current = true;
      virtualizer.scrollToIndex(position, { align: 'auto' });
    },
    [virtualizer],
  );

  // Row handlers read the latest selection through a ref so they stay stable for memoised rows.
  const selectionRef = useRef(selection);
  useLayoutEffect(() => {
    selectionRef.current = selection;
  }, [selection]);

  const onRowClick = useCallback((position: number, event: MouseEvent) => {
    setActive(position);
    selectionRef.current?.onGesture({ type: 'click', position, shift: event.shiftKey, toggle: event.ctrlKey || event.metaKey });
  }, []);

  const onMarkClick = useCallback((position: number, event: MouseEvent) => {
    // The box toggles its row alone (Shift still extends), whatever the row click would do.
    event.stopPropagation();
    setActive(position);
    selectionRef.current?.onGesture(event.shiftKey ? { type: 'extend', position } : { type: 'toggle', position });
  }, []);

  const focusHeader = (index: number) => {
    setHeaderIndex(index);
    headerRef.current?.querySelector<HTMLElement>(`[role="columnheader"]:nth-child(${index + 1})`)?.focus();
  };

  const onBodyKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const action = gridKeyAction(
      { key: event.key, shift: event.shiftKey, primary: event.ctrlKey || event.metaKey },
      active,
      rowCount,
      pageSize,
      Boolean(selection),
    );
    switch (action.type) {
      case 'none':
        return;
      case 'move':
        moveTo(action.to);
        if (action.extend) selection?.onGesture({ type: 'extend', position: action.to });
        break;
      case 'toggle':
        selection?.onGesture({ type: 'toggle', position: active });
        break;
      case 'select-all':
        selection?.onGesture({ type: 'select-all' });
        break;
      case 'to-header':
        focusHeader(headerIndex);
        break;
    }
    event.preventDefault();
  };

  const onHeaderKeyDown = (index: number, event: KeyboardEvent<HTMLDivElement>) => {
    const column = headerColumns[index];
    if ((event.key === 'Enter' || event.key === ' ') && column?.sortable && onSort) {
      event.preventDefault();
      onSort(column.id);
      return;
    }
    if (event.key === 'ArrowDown' && rowCount > 0) {
      event.preventDefault();
      moveTo(Math.max(active, 0));
      return;
    }
    const target = headerKeyTarget(event.key, index, headerColumns.length);
    if (target !== null) {
      event.preventDefault();
      focusHeader(target);
    }
  };

  const items = virtualizer.getVirtualItems();
  return (
    <div className={styles.frame} style={{ height }}>
      <div
        ref={scrollerRef}
        id={id}
        role="grid"
        aria-label={label}
        aria-rowcount={rowCount + 1}
        aria-colcount={headerColumns.length}
        aria-multiselectable={selection ? true : undefined}
        className={styles.scroller}
      >
        <div role="rowgroup" ref={headerRef} className={styles.headerGroup} style={{ minWidth }}>
          <div role="row" aria-rowindex={1} className={styles.headerRow} style={{ gridTemplateColumns: template }}>
            {headerColumns.map((column, index) => (
              <GridHeaderCell
                key={column.id}
                column={column}
                index={index}
                sort={sort}
                focusable={headersTabbable && index === headerIndex}
                onSort={onSort}
                onKeyDown={onHeaderKeyDown}
                onFocus={setHeaderIndex}
              />
            ))}
          </div>
        </div>
        <div role="rowgroup" ref={bodyRef} className={styles.body} style={{ height: virtualizer.getTotalSize(), minWidth }} onKeyDown={onBodyKeyDown}>
          {items.map((item) => (
            <GridRow
              key={item.key as string}
              rowKey={item.key as string}
              position={item.index}
              offset={item.start - HEADER_HEIGHT}
              height={rowHeight}
              template={template}
              columns={columns}
              active={item.index === active}
              renderCell={renderCell}
              selection={selection ?? null}
              onRowClick={onRowClick}
              onMarkClick={onMarkClick}
            />
          ))}
        </div>
      </div>
      {rowCount === 0 && empty && <div className={styles.empty}>{empty}</div>}
    </div>
  );
}
