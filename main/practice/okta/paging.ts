// Cursor paging as Okta does it: results in a stable order, `after` is an
// opaque cursor (here: the id of the last item returned), and the next page is
// announced in a Link header: <...?after=...&limit=...>; rel="next". The Link
// carries every other query parameter of the request so a client can follow it
// blindly.

export interface Page<T> {
  items: T[];
  /** Cursor for the next page, absent on the last page. */
  nextAfter?: string;
}

export function pageOf<T extends { id: string }>(items: readonly T[], after: string | undefined, limit: number): Page<T> {
  const sorted = [...items].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const start = after === undefined ? 0 : sorted.findIndex((item) => item.id > after);
  const from = start === -1 ? sorted.length : start;
  const page = sorted.slice(from, from + limit);
  const last = page[page.length - 1];
  return from + limit < sorted.length && last ? { items: page, nextAfter: last.id } : { items: page };
}

/** Link header with self and (when there is one) next, in Okta's form. */
export function linkHeader(origin: string, path: string, query: URLSearchParams, nextAfter: string | undefined): string {
  const self = new URLSearchParams(query);
  const links = [`<${origin}${path}${formatQuery(self)}>; rel="self"`];
  if (nextAfter !== undefined) {
    const next = new URLSearchParams(query);
    next.set('after', nextAfter);
    links.push(`<${origin}${path}${formatQuery(next)}>; rel="next"`);
  }
  return links.join(', ');
}

function formatQuery(query: URLSearchParams): string {
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** Parse and clamp a `limit` parameter: Okta caps pages at the operation's maximum. */
export function parseLimit(raw: string | null, fallback: number, maximum: number): number | undefined {
  if (raw === null) return fallback;
  if (!/^\d+$/.test(raw)) return undefined;
  const value = Number(raw);
  if (value < 1) return undefined;
  return Math.min(value, maximum);
}
