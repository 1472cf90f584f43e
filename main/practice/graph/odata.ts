// OData query options as Graph applies them to directory collections:
// $select (checked against the CSDL), $filter (eq/ne/startswith/endswith/in,
// and/or/not), $search (quoted "property:value" clauses, needs
// ConsistencyLevel: eventual), $count (same), $top (1..999), $orderby, and
// server-driven paging with absolute @odata.nextLink URLs carrying $skiptoken.
import type { GraphModel } from './metadata';
import { badRequest } from './responses';

export type Json = Record<string, unknown>;
export type Predicate = (item: Json) => boolean;

export interface CollectionQuery {
  select?: string[];
  filter?: Predicate;
  search?: Predicate;
  orderby?: { property: string; descending: boolean };
  top: number;
  offset: number;
  count: boolean;
  expand?: string[];
}

export interface QueryRules {
  model: GraphModel;
  /** Qualified type names items may have; $select/$filter names must exist on at least one. */
  types: string[];
  consistencyLevel?: string;
  /** Properties $search accepts. */
  searchable: string[];
}

const maxTop = 999;
const defaultTop = 100;

export function parseCollectionQuery(query: URLSearchParams, rules: QueryRules): CollectionQuery {
  const advanced = rules.consistencyLevel?.toLowerCase() === 'eventual';
  const count = parseCount(query.get('$count'), advanced);
  const select = parseSelect(query.get('$select'), rules);
  const topRaw = query.get('$top');
  let top = defaultTop;
  if (topRaw !== null) {
    top = Number(topRaw);
    if (!Number.isInteger(top) || top < 1 || top > maxTop) {
      throw badRequest(`Invalid page size specified: '${topRaw}'. Must be between 1 and ${maxTop} inclusive.`, 'Request_BadRequest');
    }
  }
  const search = query.get('$search');
  if (search !== null && !advanced) {
    throw badRequest(
      "Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'",
      'Request_UnsupportedQuery',
    );
  }
  const filterText = query.get('$filter');
  const orderbyText = query.get('$orderby');
  const expand = query.get('$expand');
  return {
    select,
    filter: filterText !== null ? parseFilter(filterText, rules, { advanced: advanced && count }) : undefined,
    search: search !== null ? parseSearch(search, rules) : undefined,
    orderby: orderbyText !== null ? parseOrderby(orderbyText, rules) : undefined,
    top,
    offset: decodeSkipToken(query.get('$skiptoken')),
    count,
    expand: expand ? expand.split(',').map((e) => e.trim()) : undefined,
  };
}

function parseCount(value: string | null, advanced: boolean): boolean {
  if (value === null) return false;
  if (value !== 'true' && value !== 'false') throw badRequest(`Invalid value '${value}' for $count; use true or false.`, 'Request_BadRequest');
  if (value === 'true' && !advanced) throw badRequest('$count is not currently supported.', 'Request_BadRequest');
  return value === 'true';
}

export function parseSelect(value: string | null, rules: Pick<QueryRules, 'model' | 'types'>): string[] | undefined {
  if (value === null) return undefined;
  const names = value.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  for (const name of names) {
    const known = rules.types.some((t) => rules.model.property(t, name) !== undefined || rules.model.isNavigation(t, name));
    if (!known) {
      const typeName = rules.types[0] ?? 'microsoft.graph.directoryObject';
      throw badRequest(`Could not find a property named '${name}' on type '${typeName}'.`);
    }
  }
  return names;
}

/** Keep the selected properties (plus id, as Graph always returns it), or the type's default set. */
export function project(item: Json, select: string[] | undefined, defaults: string[]): Json {
  const names = select ?? defaults;
  const out: Json = {};
  if (typeof item['@odata.type'] === 'string') out['@odata.type'] = item['@odata.type'];
  if ('id' in item) out.id = item.id;
  for (const name of names) out[name] = name in item ? item[name] : null;
  return out;
}

// ----- paging -----

export function encodeSkipToken(offset: number): string {
  return Buffer.from(`RFNwdAIAAQAAA${JSON.stringify({ o: offset })}`, 'utf8').toString('base64url');
}

export function decodeSkipToken(token: string | null): number {
  if (token === null) return 0;
  const text = Buffer.from(token, 'base64url').toString('utf8');
  const match = /^RFNwdAIAAQAAA(\{"o":(\d+)\})$/.exec(text);
  if (!match?.[2]) throw badRequest('The $skiptoken is not valid; follow @odata.nextLink exactly as returned.', 'Request_BadRequest');
  return Number(match[2]);
}

export interface Page {
  '@odata.context': string;
  '@odata.count'?: number;
  '@odata.nextLink'?: string;
  value: Json[];
}

/**
 * Filter, search, order and slice a collection, and build the page body.
 * `selfUrl` is the absolute URL of this request (scheme, host, /v1.0/path, query):
 * the nextLink is the same URL with $skiptoken replaced.
 */
export function pageOf(items: Json[], query: CollectionQuery, selfUrl: URL, contextUrl: string, shape: (item: Json) => Json): Page {
  let matched = items;
  if (query.filter) matched = matched.filter(query.filter);
  if (query.search) matched = matched.filter(query.search);
  if (query.orderby) {
    const { property, descending } = query.orderby;
    matched = [...matched].sort((a, b) => compare(a[property], b[property]) * (descending ? -1 : 1));
  }
  const slice = matched.slice(query.offset, query.offset + query.top);
  const page: Page = { '@odata.context': contextUrl, value: slice.map(shape) };
  if (query.count) page['@odata.count'] = matched.length;
  if (query.offset + query.top < matched.length) {
    const next = new URL(selfUrl.href);
    const params: string[] = [];
    for (const [key, value] of next.searchParams) if (key !== '$skiptoken') params.push(`${key}=${encodeQueryValue(value)}`);
    params.push(`$skiptoken=${encodeSkipToken(query.offset + query.top)}`);
    page['@odata.nextLink'] = `${next.origin}${next.pathname}?${params.join('&')}`;
    // Keep @odata.nextLink before value, as Graph orders it.
    const { value, ...head } = page;
    return { ...head, value } as Page;
  }
  return page;
}

/** Percent-encode a query value but keep the characters Graph leaves readable in its links. */
function encodeQueryValue(value: string): string {
  return encodeURIComponent(value).replace(/%2C/g, ',').replace(/%24/g, '$').replace(/%3A/g, ':').replace(/%27/g, "'");
}

function compare(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}

function parseOrderby(text: string, rules: QueryRules): { property: string; descending: boolean } {
  const match = /^\s*([A-Za-z]+)(?:\s+(asc|desc))?\s*$/.exec(text);
  if (!match?.[1]) throw badRequest(`Unsupported $orderby '${text}'; order by one property, optionally followed by asc or desc.`, 'Request_UnsupportedQuery');
  const property = match[1];
  if (!rules.types.some((t) => rules.model.property(t, property))) {
    throw badRequest(`Property '${property}' does not exist as a declared property or extension property.`, 'Request_UnsupportedQuery');
  }
  return { property, descending: match[2] === 'desc' };
}

// ----- $search -----

export function parseSearch(text: string, rules: QueryRules): Predicate {
  const clauses: Array<{ op: 'AND' | 'OR'; test: Predicate }> = [];
  const pattern = /\s*(?:(AND|OR)\s+)?"([^"]*)"\s*/gy;
  let consumed = 0;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null) {
    consumed = pattern.lastIndex;
    const clause = match[2] ?? '';
    const colon = clause.indexOf(':');
    if (colon <= 0) throw badRequest(`Invalid $search clause "${clause}"; use "property:value".`, 'Request_UnsupportedQuery');
    const property = clause.slice(0, colon);
    const term = clause.slice(colon + 1);
    if (!rules.searchable.includes(property)) {
      throw badRequest(`Property '${property}' is not supported for $search on this resource.`, 'Request_UnsupportedQuery');
    }
    const op = (match[1] as 'AND' | 'OR' | undefined) ?? (clauses.length === 0 ? 'OR' : 'AND');
    clauses.push({ op, test: (item) => searchMatches(property, item[property], term) });
    if (consumed >= text.length) break;
  }
  if (clauses.length === 0 || consumed < text.length) {
    throw badRequest('Invalid $search value; each clause must be quoted, for example $search="displayName:smith".', 'Request_UnsupportedQuery');
  }
  return (item) => {
    let result = false;
    for (const [index, clause] of clauses.entries()) {
      const value = clause.test(item);
      result = index === 0 ? value : clause.op === 'AND' ? result && value : result || value;
    }
    return result;
  };
}

/** displayName is tokenised (any word may start with the term); other properties match by prefix. */
function searchMatches(property: string, value: unknown, term: string): boolean {
  if (typeof value !== 'string') return false;
  const haystack = value.toLocaleLowerCase();
  const needle = term.toLocaleLowerCase().trim();
  if (needle.length === 0) return true;
  if (haystack.startsWith(needle)) return true;
  if (property !== 'displayName' && property !== 'description') return false;
  const words = haystack.split(/[\s\-_.,()@]+/u).filter(Boolean);
  return needle.split(/\s+/u).every((part) => words.some((w) => w.startsWith(part)));
}

// ----- $filter -----

type Token = { kind: 'ident' | 'string' | 'number' | 'punct'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw badRequest(`Unterminated string literal in $filter '${text}'.`, 'Request_UnsupportedQuery');
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i];
        i++;
      }
      tokens.push({ kind: 'string', text: value });
    } else if ('(),/'.includes(ch)) {
      tokens.push({ kind: 'punct', text: ch });
      i++;
    } else {
      const m = /^[A-Za-z0-9_.:+-]+/.exec(text.slice(i));
      if (!m) throw badRequest(`Syntax error at position ${i} in $filter '${text}'.`, 'Request_UnsupportedQuery');
      const word = m[0];
      tokens.push({ kind: /^-?\d+(\.\d+)?$/.test(word) ? 'number' : 'ident', text: word });
      i += word.length;
    }
  }
  return tokens;
}

const advancedHint =
  'is not supported because the required parameters might be missing. Try adding $count with a value of true and the ConsistencyLevel header with a value of eventual.';

export function parseFilter(text: string, rules: QueryRules, options: { advanced: boolean }): Predicate {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const isWord = (word: string): boolean => peek()?.kind === 'ident' && peek()?.text.toLowerCase() === word;
  const expect = (text: string): void => {
    if (peek()?.text !== text) throw badRequest(`Syntax error in $filter '${textOf()}': expected '${text}'.`, 'Request_UnsupportedQuery');
    pos++;
  };
  const textOf = (): string => text;
  const requireAdvanced = (what: string): void => {
    if (!options.advanced) throw badRequest(`Operator '${what}' ${advancedHint}`, 'Request_UnsupportedQuery');
  };

  const property = (): string[] => {
    const first = peek();
    if (first?.kind !== 'ident') throw badRequest(`Syntax error in $filter '${text}': expected a property name.`, 'Request_UnsupportedQuery');
    pos++;
    const path = [first.text];
    while (peek()?.text === '/') {
      pos++;
      const next = peek();
      if (next?.kind !== 'ident') throw badRequest(`Syntax error in $filter '${text}'.`, 'Request_UnsupportedQuery');
      path.push(next.text);
      pos++;
    }
    const root = path[0] as string;
    if (!rules.types.some((t) => rules.model.property(t, root))) {
      throw badRequest(`Property '${root}' does not exist as a declared property or extension property.`, 'Request_UnsupportedQuery');
    }
    return path;
  };

  const literal = (): unknown => {
    const token = peek();
    if (!token) throw badRequest(`Syntax error in $filter '${text}': expected a value.`, 'Request_UnsupportedQuery');
    pos++;
    if (token.kind === 'string') return token.text;
    if (token.kind === 'number') return Number(token.text);
    if (token.kind === 'ident') {
      const lower = token.text.toLowerCase();
      if (lower === 'true') return true;
      if (lower === 'false') return false;
      if (lower === 'null') return null;
      return token.text; // GUIDs and enum members appear unquoted
    }
    throw badRequest(`Syntax error in $filter '${text}': unexpected '${token.text}'.`, 'Request_UnsupportedQuery');
  };

  const valueAt = (item: Json, path: string[]): unknown => {
    let current: unknown = item;
    for (const segment of path) current = current && typeof current === 'object' ? (current as Json)[segment] : undefined;
    return current ?? null;
  };

  const primary = (): Predicate => {
    if (peek()?.text === '(') {
      pos++;
      const inner = orExpr();
      expect(')');
      return inner;
    }
    if (isWord('startswith') || isWord('endswith')) {
      const fn = (peek() as Token).text.toLowerCase();
      if (fn === 'endswith') requireAdvanced('endsWith');
      pos++;
      expect('(');
      const path = property();
      expect(',');
      const arg = literal();
      expect(')');
      if (typeof arg !== 'string') throw badRequest(`${fn} needs a string value in $filter '${text}'.`, 'Request_UnsupportedQuery');
      const needle = arg.toLowerCase();
      return (item) => {
        const v = valueAt(item, path);
        if (typeof v !== 'string') return false;
        return fn === 'startswith' ? v.toLowerCase().startsWith(needle) : v.toLowerCase().endsWith(needle);
      };
    }
    const path = property();
    const opToken = peek();
    if (opToken?.kind !== 'ident') throw badRequest(`Syntax error in $filter '${text}': expected an operator.`, 'Request_UnsupportedQuery');
    const op = opToken.text.toLowerCase();
    pos++;
    if (op === 'in') {
      expect('(');
      const values: unknown[] = [literal()];
      while (peek()?.text === ',') {
        pos++;
        values.push(literal());
      }
      expect(')');
      return (item) => values.some((v) => equals(valueAt(item, path), v));
    }
    const value = literal();
    switch (op) {
      case 'eq':
        return (item) => equals(valueAt(item, path), value);
      case 'ne':
        requireAdvanced('ne');
        return (item) => !equals(valueAt(item, path), value);
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        return (item) => {
          const v = valueAt(item, path);
          if (v === null) return false;
          const c = String(v).localeCompare(String(value));
          return op === 'gt' ? c > 0 : op === 'ge' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
        };
      default:
        throw badRequest(`Unsupported operator '${op}' in $filter '${text}'.`, 'Request_UnsupportedQuery');
    }
  };

  const unary = (): Predicate => {
    if (isWord('not')) {
      requireAdvanced('not');
      pos++;
      const inner = unary();
      return (item) => !inner(item);
    }
    return primary();
  };
  const andExpr = (): Predicate => {
    let left = unary();
    while (isWord('and')) {
      pos++;
      const l = left;
      const r = unary();
      left = (item) => l(item) && r(item);
    }
    return left;
  };
  const orExpr = (): Predicate => {
    let left = andExpr();
    while (isWord('or')) {
      pos++;
      const l = left;
      const r = andExpr();
      left = (item) => l(item) || r(item);
    }
    return left;
  };

  const predicate = orExpr();
  if (pos !== tokens.length) throw badRequest(`Syntax error in $filter '${text}' at '${peek()?.text ?? ''}'.`, 'Request_UnsupportedQuery');
  return predicate;
}

function equals(a: unknown, b: unknown): boolean {
  if (typeof a === 'string' && typeof b === 'string') return a.toLowerCase() === b.toLowerCase();
  return a === b;
}

