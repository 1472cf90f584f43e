// Selection requests as the console and the CLI make them.
import type { AccountQuery, Directory } from '../core/domain';
import { selectAll, selectByQuery, selectFromCsv, type Selection, type SelectionOptions } from '../core/selection';

export type SelectRequest =
  /** Search in the given directories (all connected ones when omitted). */
  | { by: 'search'; directoryIds?: string[]; search: string; group?: string }
  | { by: 'all'; directoryIds?: string[] }
  /** CSV text, whole or streamed in decoded chunks. */
  | { by: 'csv'; fileName: string; text: string | AsyncIterable<string> };

export function pickDirectories(all: readonly Directory[], ids: readonly string[] | undefined): Directory[] {
  if (!ids || ids.length === 0) return [...all];
  return ids.map((id) => {
    const wanted = id.toLowerCase();
    const found = all.find((d) => d.id.toLowerCase() === wanted || d.displayName.toLowerCase() === wanted);
    if (!found) throw new Error(`No connected directory is called "${id}" (connected: ${all.map((d) => `${d.displayName} [${d.id}]`).join(', ') || 'none'}).`);
    return found;
  });
}

export function select(directories: readonly Directory[], request: SelectRequest, options: SelectionOptions = {}): Promise<Selection> {
  switch (request.by) {
    case 'search': {
      const query: AccountQuery = { search: request.search };
      if (request.group) query.group = request.group;
      return selectByQuery(pickDirectories(directories, request.directoryIds), query, options);
    }
    case 'all':
      return selectAll(pickDirectories(directories, request.directoryIds), options);
    case 'csv':
      return selectFromCsv(directories, request.text, request.fileName, options);
  }
}
