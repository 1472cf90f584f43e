// After a complete listing, selected accounts that are no longer listed (their
// connection was removed, the account was deleted) leave the selection, so
// the plan is never made from accounts the operator cannot see. Not after a
// partial listing: a directory that failed to list still has its accounts.
export interface ListedKeys {
  rowOf(key: string): number | undefined;
}

export function unlistedKeys(selected: ReadonlySet<string>, listed: ListedKeys): string[] {
  const missing: string[] = [];
  for (const key of selected) if (listed.rowOf(key) === undefined) missing.push(key);
  return missing;
}
