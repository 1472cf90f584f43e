// What a key press means in the grid's body, independent of React: move the
// active row (optionally extending the selection), toggle it, select all, or
// go up to the column headers.
export interface KeyPress {
  key: string;
  shift: boolean;
  /** Ctrl on Windows/Linux, Cmd on macOS. */
  primary: boolean;
}

export type GridKeyAction =
  | { type: 'move'; to: number; extend: boolean }
  | { type: 'toggle' }
  | { type: 'select-all' }
  | { type: 'to-header' }
  | { type: 'none' };

/**
 * @param active   the active row's position (-1 when there is none yet)
 * @param rowCount rows in the list
 * @param pageSize rows that fit in the viewport (PageUp/PageDown step)
 */
export function gridKeyAction(press: KeyPress, active: number, rowCount: number, pageSize: number, selectable: boolean): GridKeyAction {
  if (rowCount === 0) return press.key === 'ArrowUp' ? { type: 'to-header' } : { type: 'none' };
  const last = rowCount - 1;
  const at = Math.min(Math.max(active, 0), last);
  const extend = selectable && press.shift;
  const move = (to: number): GridKeyAction => ({ type: 'move', to: Math.min(Math.max(to, 0), last), extend });
  switch (press.key) {
    case 'ArrowDown':
      return move(active < 0 ? 0 : at + 1);
    case 'ArrowUp':
      return active <= 0 && !press.shift ? { type: 'to-header' } : move(at - 1);
    case 'Home':
      return move(0);
    case 'End':
      return move(last);
    case 'PageDown':
      return move(at + Math.max(1, pageSize - 1));
    case 'PageUp':
      return move(at - Math.max(1, pageSize - 1));
    case ' ':
    case 'Spacebar':
      if (!selectable) return { type: 'none' };
      return press.shift ? { type: 'move', to: at, extend: true } : { type: 'toggle' };
    case 'a':
    case 'A':
      return selectable && press.primary ? { type: 'select-all' } : { type: 'none' };
    default:
      return { type: 'none' };
  }
}

/** Left/Right/Home/End across the column headers. */
export function headerKeyTarget(key: string, current: number, columnCount: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return Math.min(current + 1, columnCount - 1);
    case 'ArrowLeft':
      return Math.max(current - 1, 0);
    case 'Home':
      return 0;
    case 'End':
      return columnCount - 1;
    default:
      return null;
  }
}
