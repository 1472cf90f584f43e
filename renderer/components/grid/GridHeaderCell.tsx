// A column header: its title, the sort arrow when sorted, and sorting by click
// or Enter/Space. Headers share one tab stop (arrow keys move between them).
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ArrowSortDownRegular, ArrowSortUpRegular } from '@fluentui/react-icons';
import type { KeyboardEvent } from 'react';
import type { GridColumn, GridSort } from './grid-layout';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    minWidth: 0,
    height: '100%',
    boxSizing: 'border-box',
    paddingLeft: tokens.spacingHorizontalS,
    paddingRight: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    whiteSpace: 'nowrap',
    userSelect: 'none',
    ':focus': { outlineStyle: 'none' },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: `calc(-1 * ${tokens.strokeWidthThick})`,
    },
  },
  sortable: { cursor: 'pointer', ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover } },
  title: { overflow: 'hidden', textOverflow: 'ellipsis' },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
  arrow: { flexShrink: 0, fontSize: '14px', color: tokens.colorNeutralForeground2 },
});

export interface GridHeaderCellProps {
  column: GridColumn;
  index: number;
  sort: GridSort | null;
  focusable: boolean;
  onSort?(columnId: string): void;
  onKeyDown(index: number, event: KeyboardEvent<HTMLDivElement>): void;
  onFocus(index: number): void;
}

export function GridHeaderCell({ column, index, sort, focusable, onSort, onKeyDown, onFocus }: GridHeaderCellProps) {
  const styles = useStyles();
  const sorted = sort?.columnId === column.id ? sort.direction : null;
  const sortable = Boolean(column.sortable && onSort);
  return (
    <div
      role="columnheader"
      aria-sort={sorted ?? (sortable ? 'none' : undefined)}
      data-column={column.id}
      tabIndex={focusable ? 0 : -1}
      className={mergeClasses(styles.header, sortable && styles.sortable)}
      title={column.hideTitle ? undefined : sortable ? `${column.title}: click or press Enter to sort` : column.title}
      onClick={sortable ? () => onSort?.(column.id) : undefined}
      onKeyDown={(event) => onKeyDown(index, event)}
      onFocus={() => onFocus(index)}
    >
      <span className={column.hideTitle ? styles.hidden : styles.title}>{column.title}</span>
      {sorted === 'ascending' && <ArrowSortUpRegular className={styles.arrow} aria-hidden />}
      {sorted === 'descending' && <ArrowSortDownRegular className={styles.arrow} aria-hidden />}
    </div>
  );
}
