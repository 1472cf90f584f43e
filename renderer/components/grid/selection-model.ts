// Multi-selection in a list, the way Windows lists behave, made safe for
// large selections:
//   click             select only this row; it becomes the anchor
//   Ctrl/Cmd+click    toggle this row, keep the rest; it becomes the anchor
//   Space             same as Ctrl+click, on the active row
//   Shift+click       select from the anchor to this row
//   Shift+arrows etc. same, to the row the keys move to
//   Ctrl+A            add every row of the list (every row matching the filter)
// A range is added to what was selected when the anchor was set (its "base"),
// so extending a range after Ctrl+clicks keeps the earlier picks, and moving
// the range's far end back shrinks it again.

/** The list the gestures apply to, by position (the filtered, sorted view). */
export interface SelectableList {
  readonly length: number;
  keyAt(position: number): string;
}

export interface RangeAnchor {
  key: string;
  /** Where the anchor was; checked first, since the list may have changed since. */
  position: number;
  /** The selection a range from this anchor adds to. */
  base: ReadonlySet<string>;
}

export type SelectionGesture =
  | { type: 'click'; position: number; shift: boolean; toggle: boolean }
  | { type: 'toggle'; position: number }
  | { type: 'extend'; position: number }
  | { type: 'select-all' };

export interface SelectionResult {
  selected: ReadonlySet<string>;
  anchor: RangeAnchor | null;
}

/** Where the anchor is in the list now, or -1 if a filter hid it. */
export function anchorPosition(list: SelectableList, anchor: RangeAnchor): number {
  if (anchor.position < list.length && list.keyAt(anchor.position) === anchor.key) return anchor.position;
  for (let position = 0; position < list.length; position++) if (list.keyAt(position) === anchor.key) return position;
  return -1;
}

function withRange(base: ReadonlySet<string>, list: SelectableList, from: number, to: number): Set<string> {
  const next = new Set(base);
  const [low, high] = from <= to ? [from, to] : [to, from];
  for (let position = low; position <= high; position++) next.add(list.keyAt(position));
  return next;
}

function toggle(selected: ReadonlySet<string>, list: SelectableList, position: number): SelectionResult {
  const key = list.keyAt(position);
  const next = new Set(selected);
  if (next.has(key)) next.delete(key);
  else next.add(key);
  const base = new Set(next);
  base.delete(key);
  return { selected: next, anchor: { key, position, base } };
}

function extend(selected: ReadonlySet<string>, anchor: RangeAnchor | null, list: SelectableList, position: number): SelectionResult {
  const from = anchor ? anchorPosition(list, anchor) : -1;
  if (!anchor || from < 0) {
    // No anchor in view: this row starts one, keeping the selection.
    const key = list.keyAt(position);
    return { selected: new Set(selected).add(key), anchor: { key, position, base: selected } };
  }
  return { selected: withRange(anchor.base, list, from, position), anchor: { ...anchor, position: from } };
}

export function applySelectionGesture(
  selected: ReadonlySet<string>,
  anchor: RangeAnchor | null,
  gesture: SelectionGesture,
  list: SelectableList,
): SelectionResult {
  if (gesture.type === 'select-all') return list.length === 0 ? { selected, anchor } : { selected: withRange(selected, list, 0, list.length - 1), anchor };
  if (gesture.position < 0 || gesture.position >= list.length) return { selected, anchor };
  switch (gesture.type) {
    case 'toggle':
      return toggle(selected, list, gesture.position);
    case 'extend':
      return extend(selected, anchor, list, gesture.position);
    case 'click': {
      if (gesture.shift) return extend(selected, anchor, list, gesture.position);
      if (gesture.toggle) return toggle(selected, list, gesture.position);
      const key = list.keyAt(gesture.position);
      return { selected: new Set([key]), anchor: { key, position: gesture.position, base: new Set() } };
    }
  }
}

/** How many of the selected keys the list shows (the rest are hidden by a filter). */
export function countSelectedIn(list: SelectableList, selected: ReadonlySet<string>): number {
  if (selected.size === 0) return 0;
  let count = 0;
  for (let position = 0; position < list.length; position++) if (selected.has(list.keyAt(position))) count++;
  return count;
}
