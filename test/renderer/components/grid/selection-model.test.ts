import { describe, expect, it } from 'vitest';
import { anchorPosition, applySelectionGesture, countSelectedIn, type RangeAnchor, type SelectableList, type SelectionGesture } from '../../../../renderer/components/grid/selection-model';

const list = (keys: string[]): SelectableList => ({ length: keys.length, keyAt: (position) => keys[position] ?? '' });
const rows = list(['a', 'b', 'c', 'd', 'e', 'f']);

/** Apply gestures in order from an empty selection; returns the sorted selection. */
function play(gestures: SelectionGesture[], on: SelectableList = rows, start: { selected?: string[]; anchor?: RangeAnchor | null } = {}) {
  let selected: ReadonlySet<string> = new Set(start.selected ?? []);
  let anchor = start.anchor ?? null;
  for (const gesture of gestures) ({ selected, anchor } = applySelectionGesture(selected, anchor, gesture, on));
  return { selected: [...selected].sort(), anchor };
}

const click = (position: number, mods: { shift?: boolean; toggle?: boolean } = {}): SelectionGesture => ({ type: 'click', position, shift: mods.shift ?? false, toggle: mods.toggle ?? false });

describe('applySelectionGesture', () => {
  it('a plain click selects only that row', () => {
    expect(play([click(1)], rows, { selected: ['d', 'e'] }).selected).toEqual(['b']);
  });

  it('Ctrl+click toggles one row and keeps the others', () => {
    expect(play([click(0), click(2, { toggle: true }), click(4, { toggle: true })]).selected).toEqual(['a', 'c', 'e']);
    expect(play([click(0), click(2, { toggle: true }), click(2, { toggle: true })]).selected).toEqual(['a']);
  });

  it('Shift+click selects from the anchor to the row, either direction', () => {
    expect(play([click(1), click(4, { shift: true })]).selected).toEqual(['b', 'c', 'd', 'e']);
    expect(play([click(4), click(1, { shift: true })]).selected).toEqual(['b', 'c', 'd', 'e']);
  });

  it('a range after Ctrl+clicks keeps the earlier picks', () => {
    expect(play([click(0), click(3, { toggle: true }), click(5, { shift: true })]).selected).toEqual(['a', 'd', 'e', 'f']);
  });

  it('extending again from the same anchor replaces the range, so it can shrink', () => {
    expect(play([{ type: 'toggle', position: 1 }, { type: 'extend', position: 4 }, { type: 'extend', position: 2 }]).selected).toEqual(['b', 'c']);
    // ... and flip to the other side of the anchor.
    expect(play([{ type: 'toggle', position: 3 }, { type: 'extend', position: 5 }, { type: 'extend', position: 1 }]).selected).toEqual(['b', 'c', 'd']);
  });

  it('Space toggles the active row and makes it the anchor', () => {
    const { selected, anchor } = play([{ type: 'toggle', position: 2 }]);
    expect(selected).toEqual(['c']);
    expect(anchor?.key).toBe('c');
  });

  it('Shift without an anchor starts one at that row and keeps the selection', () => {
    expect(play([{ type: 'extend', position: 2 }], rows, { selected: ['f'] }).selected).toEqual(['c', 'f']);
  });

  it('finds the anchor by key after the list changed, and starts afresh if a filter hid it', () => {
    const first = play([click(2)]);
    const reordered = list(['f', 'e', 'd', 'c', 'b', 'a']);
    expect(play([click(0, { shift: true })], reordered, { selected: first.selected, anchor: first.anchor }).selected).toEqual(['c', 'd', 'e', 'f']);
    const hidden = list(['a', 'b']);
    expect(play([click(1, { shift: true })], hidden, { selected: first.selected, anchor: first.anchor }).selected).toEqual(['b', 'c']);
    expect(anchorPosition(hidden, first.anchor as RangeAnchor)).toBe(-1);
  });

  it('select-all adds every row of the list (the matching ones) to the selection', () => {
    const filtered = list(['b', 'd']);
    expect(play([{ type: 'select-all' }], filtered, { selected: ['z'] }).selected).toEqual(['b', 'd', 'z']);
  });

  it('ignores positions outside the list', () => {
    expect(play([click(99)], rows, { selected: ['a'] }).selected).toEqual(['a']);
    expect(play([{ type: 'select-all' }], list([])).selected).toEqual([]);
  });
});

describe('countSelectedIn', () => {
  it('counts the selected keys the list shows', () => {
    expect(countSelectedIn(rows, new Set(['a', 'f', 'zz']))).toBe(2);
    expect(countSelectedIn(rows, new Set())).toBe(0);
  });
});
