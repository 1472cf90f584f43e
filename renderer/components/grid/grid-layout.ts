// Column geometry shared by the header and every row: one CSS grid template,
// so header and cells line up without measuring anything.
export interface GridColumn {
  id: string;
  /** Header text (read by screen readers even when hidden). */
  title: string;
  /** Minimum width in pixels. */
  width: number;
  /** Share of the spare width (CSS fr); absent or 0 keeps the column at `width`. */
  grow?: number;
  sortable?: boolean;
  /** Show the title to screen readers only (a narrow icon column). */
  hideTitle?: boolean;
}

export interface GridSort {
  columnId: string;
  direction: 'ascending' | 'descending';
}

/** Width of the selection column the grid adds in front when rows are selectable. */
export const SELECTION_COLUMN_WIDTH = 32;

export function gridTemplate(columns: readonly GridColumn[], selectable: boolean): string {
  const tracks = columns.map((column) => (column.grow ? `minmax(${column.width}px, ${column.grow}fr)` : `${column.width}px`));
  return (selectable ? [`${SELECTION_COLUMN_WIDTH}px`, ...tracks] : tracks).join(' ');
}

export function gridMinWidth(columns: readonly GridColumn[], selectable: boolean): number {
  return columns.reduce((sum, column) => sum + column.width, selectable ? SELECTION_COLUMN_WIDTH : 0);
}
