// Reading an SDK Collection page by page. The Collection follows Okta's
// Link rel="next" itself and hands out items one at a time; a page ends when
// its buffered items run out. Each fetch runs through callOkta, so a 429 or a
// dropped connection in the middle of a long listing is waited out and the
// Collection resumes from the same cursor (it only advances on success).
import { callOktaOrThrow, type CallPolicy } from './call';

/** The part of the SDK's Collection this module uses. */
export interface PagedCollection<T> {
  next(): Promise<{ done: boolean; value: T | null }>;
  currentItems: unknown[];
}

export async function* pagesOf<T>(
  policy: CallPolicy,
  collection: PagedCollection<T>,
  options: { signal?: AbortSignal; action: string },
): AsyncGenerator<T[]> {
  let page: T[] = [];
  for (;;) {
    const result = await callOktaOrThrow(policy, { signal: options.signal, idempotent: true, action: options.action }, () => collection.next());
    if (result.value !== null && result.value !== undefined) page.push(result.value);
    const pageEnded = collection.currentItems.length === 0;
    if (pageEnded && page.length > 0) {
      yield page;
      page = [];
    }
    if (result.done) return;
  }
}

/** Every item of a collection (for small listings: a user's groups, roles). */
export async function allOf<T>(policy: CallPolicy, collection: PagedCollection<T>, options: { signal?: AbortSignal; action: string }): Promise<T[]> {
  const items: T[] = [];
  for await (const page of pagesOf(policy, collection, options)) items.push(...page);
  return items;
}
