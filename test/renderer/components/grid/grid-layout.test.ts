import { describe, expect, it } from 'vitest';
import { gridMinWidth, gridTemplate, SELECTION_COLUMN_WIDTH } from '../../../../renderer/components/grid/grid-layout';

const columns = [
  { id: 'name', title: 'Name', width: 160, grow: 2 },
  { id: 'status', title: 'Status', width: 80 },
];

describe('grid layout', () => {
  it('gives growable columns a minimum and a share, fixed ones their width, and the selection column first', () => {
    expect(gridTemplate(columns, false)).toBe('minmax(160px, 2fr) 80px');
    expect(gridTemplate(columns, true)).toBe(`${SELECTION_COLUMN_WIDTH}px minmax(160px, 2fr) 80px`);
  });

  it('adds up the minimum widths so the grid scrolls sideways rather than crushing columns', () => {
    expect(gridMinWidth(columns, false)).toBe(240);
    expect(gridMinWidth(columns, true)).toBe(240 + SELECTION_COLUMN_WIDTH);
  });
});
