import { describe, expect, it } from 'vitest';
import { gridKeyAction, headerKeyTarget, type KeyPress } from '../../../../renderer/components/grid/grid-keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shift: false, primary: false, ...mods });

describe('gridKeyAction', () => {
  it('moves the active row with arrows, Home/End and PageUp/PageDown, clamped to the list', () => {
    expect(gridKeyAction(press('ArrowDown'), 3, 100, 20, true)).toEqual({ type: 'move', to: 4, extend: false });
    expect(gridKeyAction(press('ArrowDown'), 99, 100, 20, true)).toEqual({ type: 'move', to: 99, extend: false });
    expect(gridKeyAction(press('ArrowUp'), 3, 100, 20, true)).toEqual({ type: 'move', to: 2, extend: false });
    expect(gridKeyAction(press('Home'), 50, 100, 20, true)).toEqual({ type: 'move', to: 0, extend: false });
    expect(gridKeyAction(press('End'), 0, 100, 20, true)).toEqual({ type: 'move', to: 99, extend: false });
    expect(gridKeyAction(press('PageDown'), 10, 100, 20, true)).toEqual({ type: 'move', to: 29, extend: false });
    expect(gridKeyAction(press('PageUp'), 10, 100, 20, true)).toEqual({ type: 'move', to: 0, extend: false });
  });

  it('extends the selection with Shift, only in selectable grids', () => {
    expect(gridKeyAction(press('ArrowDown', { shift: true }), 3, 100, 20, true)).toEqual({ type: 'move', to: 4, extend: true });
    expect(gridKeyAction(press('End', { shift: true }), 3, 100, 20, true)).toEqual({ type: 'move', to: 99, extend: true });
    expect(gridKeyAction(press('ArrowDown', { shift: true }), 3, 100, 20, false)).toEqual({ type: 'move', to: 4, extend: false });
  });

  it('Space toggles, Shift+Space extends to the active row, Ctrl/Cmd+A selects all', () => {
    expect(gridKeyAction(press(' '), 3, 100, 20, true)).toEqual({ type: 'toggle' });
    expect(gridKeyAction(press(' ', { shift: true }), 3, 100, 20, true)).toEqual({ type: 'move', to: 3, extend: true });
    expect(gridKeyAction(press('a', { primary: true }), 3, 100, 20, true)).toEqual({ type: 'select-all' });
    expect(gridKeyAction(press('a'), 3, 100, 20, true)).toEqual({ type: 'none' });
    expect(gridKeyAction(press(' '), 3, 100, 20, false)).toEqual({ type: 'none' });
  });

  it('goes up to the headers from the first row or an empty list', () => {
    expect(gridKeyAction(press('ArrowUp'), 0, 100, 20, true)).toEqual({ type: 'to-header' });
    expect(gridKeyAction(press('ArrowUp'), -1, 0, 20, true)).toEqual({ type: 'to-header' });
    expect(gridKeyAction(press('ArrowDown'), -1, 0, 20, true)).toEqual({ type: 'none' });
  });

  it('leaves other keys to the browser', () => {
    expect(gridKeyAction(press('Tab'), 3, 100, 20, true)).toEqual({ type: 'none' });
  });
});

describe('headerKeyTarget', () => {
  it('moves across headers and stops at the ends', () => {
    expect(headerKeyTarget('ArrowRight', 2, 5)).toBe(3);
    expect(headerKeyTarget('ArrowRight', 4, 5)).toBe(4);
    expect(headerKeyTarget('ArrowLeft', 0, 5)).toBe(0);
    expect(headerKeyTarget('End', 0, 5)).toBe(4);
    expect(headerKeyTarget('Home', 3, 5)).toBe(0);
    expect(headerKeyTarget('Enter', 3, 5)).toBeNull();
  });
});
