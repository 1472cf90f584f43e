// "Import computers": a pasted list or CSV of Windows host names, checked with
// the same rules the remote connection applies; every bad or repeated line
// is reported with its line number.
import type { z } from 'zod';
import type { hostImportResult } from '../../preload/contract';
import { parseHostList } from '../windows/hosts';

export type HostImportResult = z.infer<typeof hostImportResult>;

export function importHosts(text: string): HostImportResult {
  const parsed = parseHostList(text);
  const problems: HostImportResult['problems'] = parsed.problems.map((p) => ({ line: p.line, message: p.reason }));
  for (const duplicate of parsed.duplicates) {
    const [first, ...again] = duplicate.lines;
    for (const line of again) problems.push({ line, message: `${duplicate.name} is listed again (first on line ${first}); it is used once.` });
  }
  if (parsed.hosts.length === 0 && problems.length === 0) problems.push({ line: null, message: 'The text names no computer: put one host name per line, or a CSV with a Name or ComputerName column.' });
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { hosts: parsed.hosts.map((h) => h.name), problems };
}
