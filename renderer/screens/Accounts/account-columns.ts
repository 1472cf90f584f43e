// The columns of the accounts grid, in the order the issue lists them. Widths
// are minimums at the grid's 12 px text, chosen so all nine fit beside the
// navigation at 1280 px; the growable ones share spare room.
import type { GridColumn } from '../../components/grid/grid-layout';
import type { SortColumn } from './model/sort';

export interface AccountColumn extends GridColumn {
  id: SortColumn;
}

export const accountColumns: readonly AccountColumn[] = [
  { id: 'name', title: 'Name', width: 136, grow: 1.4, sortable: true },
  { id: 'displayName', title: 'Display name', width: 120, grow: 1.2, sortable: true },
  { id: 'directory', title: 'Directory', width: 104, grow: 1, sortable: true },
  { id: 'status', title: 'Status', width: 96, sortable: true },
  { id: 'mustChange', title: 'Must change', width: 92, sortable: true },
  { id: 'neverExpires', title: 'Never expires', width: 100, sortable: true },
  { id: 'privileged', title: 'Privileged', width: 74, sortable: true },
  { id: 'lastSignIn', title: 'Last sign-in', width: 150, sortable: true },
  { id: 'groups', title: 'Groups', width: 86, grow: 1, sortable: true },
];
