// One row of the virtual grid. Memoised: it re-renders only when its own
// props change or its selected state flips, so selecting a row or moving the
// active row repaints one or two rows, not the forty on screen.
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { memo, type MouseEvent, type ReactNode } from 'react';
import type { GridColumn } from './grid-layout';
import { SelectionMark } from './SelectionMark';

export interface GridRowSelection {
  /** A hook: whether this key is selected (subscribe with a selector). */
  useSelected(key: string): boolean;
}

export interface GridRowProps {
  rowKey: string;
  position: number;
  /** Pixels from the top of the rows area. */
  offset: number;
  height: number;
  template: string;
  columns: readonly GridColumn[];
  active: boolean;
  renderCell(position: number, column: GridColumn): ReactNode;
  selection: GridRowSelection | null;
  onRowClick(position: number, event: MouseEvent): void;
  onMarkClick(position: number, event: MouseEvent): void;
}

const useStyles = makeStyles({
  row: {
    position: 'absolute',
    top: 0,
    left: 0,
    width: '100%',
    display: 'grid',
    alignItems: 'center',
    boxSizing: 'border-box',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    color: tokens.colorNeutralForeground1,
    cursor: 'default',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover },
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  selected: {
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
    '@media (forced-colors: active)': { backgroundColor: 'Highlight', color: 'HighlightText', forcedColorAdjust: 'none', ':hover': { backgroundColor: 'Highlight' } },
  },
  cell: {
    minWidth: 0,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
    whiteSpace: 'nowrap',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
  },
  markCell: { display: 'flex', justifyContent: 'center', cursor: 'pointer', height: '100%', alignItems: 'center' },
});

const noSelection = () => false;

function GridRowView({ rowKey, position, offset, height, template, columns, active, renderCell, selection, onRowClick, onMarkClick }: GridRowProps) {
  const styles = useStyles();
  const useSelected = selection?.useSelected ?? noSelection;
  const selected = useSelected(rowKey);
  return (
    <div
      role="row"
      aria-rowindex={position + 2}
      aria-selected={selection ? selected : undefined}
      data-position={position}
      data-key={rowKey}
      tabIndex={active ? 0 : -1}
      className={mergeClasses(styles.row, selected && styles.selected)}
      style={{ height, gridTemplateColumns: template, transform: `translateY(${offset}px)` }}
      onClick={(event) => onRowClick(position, event)}
      onMouseDown={(event) => {
        // Shift+click extends a selection; without this it also selects page text.
        if (event.shiftKey) event.preventDefault();
      }}
    >
      {selection && (
        <div role="gridcell" className={mergeClasses(styles.cell, styles.markCell)} onClick={(event) => onMarkClick(position, event)}>
          <SelectionMark checked={selected} />
        </div>
      )}
      {columns.map((column) => (
        <div role="gridcell" key={column.id} className={styles.cell}>
          {renderCell(position, column)}
        </div>
      ))}
    </div>
  );
}

export const GridRow = memo(GridRowView);
