// Okta's user search and filter expressions, as the List users operation
// documents them:
//   search: `eq`, `sw`, `co` (co only on profile.firstName/lastName/email/login),
//           `gt`/`ge`/`lt`/`le`, `pr`; `and`/`or` with parentheses; property names
//           case-sensitive, operators and string values case-insensitive
//           (diacritics significant); no `not`, no `ne`.
//   filter: only `eq` on status, id, profile.login/email/firstName/lastName, plus
//           the inequalities on lastUpdated; `and`/`or`; values case-sensitive.
//   q:      starts-with on firstName, lastName or email; omits DEPROVISIONED.
// An expression the real service would reject throws SearchSyntaxError.

export class SearchSyntaxError extends Error {}

type Value = string | number | boolean | null;
type Operator = 'eq' | 'sw' | 'co' | 'gt' | 'ge' | 'lt' | 'le' | 'pr';
type Node =
  | { kind: 'and'; left: Node; right: Node }
  | { kind: 'or'; left: Node; right: Node }
  | { kind: 'compare'; attribute: string; operator: Operator; value?: Value };

export type Dialect = 'search' | 'filter';

/** Reads an attribute path ("status", "profile.login", "type.id") from a record. */
export type AttributeReader = (path: string) => unknown;

export interface CompiledExpression {
  matches(read: AttributeReader): boolean;
}

const operators = new Set<Operator>(['eq', 'sw', 'co', 'gt', 'ge', 'lt', 'le', 'pr']);
const containsAttributes = new Set(['profile.firstName', 'profile.lastName', 'profile.email', 'profile.login']);
const filterAttributes = new Set(['status', 'lastUpdated', 'id', 'profile.login', 'profile.email', 'profile.firstName', 'profile.lastName']);

type Token = { kind: 'open' } | { kind: 'close' } | { kind: 'word'; text: string } | { kind: 'string'; text: string };

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (/\s/.test(char)) {
      i++;
    } else if (char === '(' || char === ')') {
      tokens.push(char === '(' ? { kind: 'open' } : { kind: 'close' });
      i++;
    } else if (char === '"') {
      let value = '';
      i++;
      while (i < text.length && text[i] !== '"') {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        value += text[i];
        i++;
      }
      if (i >= text.length) throw new SearchSyntaxError('unterminated string literal');
      i++;
      tokens.push({ kind: 'string', text: value });
    } else {
      let word = '';
      while (i < text.length && !/[\s()"]/.test(text[i]!)) word += text[i++];
      tokens.push({ kind: 'word', text: word });
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    if (this.tokens.length === 0) throw new SearchSyntaxError('empty expression');
    const node = this.or();
    if (this.position < this.tokens.length) throw new SearchSyntaxError('unexpected text after the expression');
    return node;
  }

  private or(): Node {
    let node = this.and();
    while (this.keyword('or')) node = { kind: 'or', left: node, right: this.and() };
    return node;
  }

  private and(): Node {
    let node = this.primary();
    while (this.keyword('and')) node = { kind: 'and', left: node, right: this.primary() };
    return node;
  }

  private primary(): Node {
    const token = this.tokens[this.position];
    if (!token) throw new SearchSyntaxError('expression ends too early');
    if (token.kind === 'open') {
      this.position++;
      const node = this.or();
      if (this.tokens[this.position]?.kind !== 'close') throw new SearchSyntaxError('missing closing parenthesis');
      this.position++;
      return node;
    }
    if (token.kind !== 'word') throw new SearchSyntaxError('expected an attribute name');
    if (token.text.toLowerCase() === 'not') throw new SearchSyntaxError('the not operator is not supported');
    this.position++;
    const attribute = token.text;
    const operatorToken = this.tokens[this.position++];
    if (operatorToken?.kind !== 'word') throw new SearchSyntaxError(`expected an operator after ${attribute}`);
    const operator = operatorToken.text.toLowerCase() as Operator;
    if (!operators.has(operator)) throw new SearchSyntaxError(`unsupported operator ${operatorToken.text}`);
    if (operator === 'pr') return { kind: 'compare', attribute, operator };
    return { kind: 'compare', attribute, operator, value: this.value() };
  }

  private value(): Value {
    const token = this.tokens[this.position++];
    if (!token || (token.kind !== 'word' && token.kind !== 'string')) throw new SearchSyntaxError('expected a value');
    if (token.kind === 'string') return token.text;
    const lower = token.text.toLowerCase();
    if (lower === 'true' || lower === 'false') return lower === 'true';
    if (lower === 'null') return null;
    if (/^-?\d+(\.\d+)?$/.test(token.text)) return Number(token.text);
    throw new SearchSyntaxError(`string values must be quoted: ${token.text}`);
  }

  private keyword(word: string): boolean {
    const token = this.tokens[this.position];
    if (token?.kind === 'word' && token.text.toLowerCase() === word) {
      this.position++;
      return true;
    }
    return false;
  }
}

export function compileExpression(text: string, dialect: Dialect): CompiledExpression {
  const root = new Parser(tokenize(text)).parse();
  check(root, dialect);
  return { matches: (read) => evaluate(root, read, dialect) };
}

function check(node: Node, dialect: Dialect): void {
  if (node.kind === 'and' || node.kind === 'or') {
    check(node.left, dialect);
    check(node.right, dialect);
    return;
  }
  if (!/^[A-Za-z_][\w.]*$/.test(node.attribute)) throw new SearchSyntaxError(`invalid attribute ${node.attribute}`);
  if (dialect === 'filter') {
    if (!filterAttributes.has(node.attribute)) throw new SearchSyntaxError(`filter does not support ${node.attribute}`);
    const inequality = ['gt', 'ge', 'lt', 'le'].includes(node.operator);
    if (node.operator !== 'eq' && !(inequality && node.attribute === 'lastUpdated')) {
      throw new SearchSyntaxError(`filter supports only eq on ${node.attribute}`);
    }
  } else if (node.operator === 'co' && !containsAttributes.has(node.attribute)) {
    throw new SearchSyntaxError(`co is only supported on profile.firstName, profile.lastName, profile.email and profile.login`);
  }
}

function evaluate(node: Node, read: AttributeReader, dialect: Dialect): boolean {
  if (node.kind === 'and' || node.kind === 'or') {
    return node.kind === 'and' ? evaluate(node.left, read, dialect) && evaluate(node.right, read, dialect) : evaluate(node.left, read, dialect) || evaluate(node.right, read, dialect);
  }
  const actual = read(node.attribute);
  const values = Array.isArray(actual) ? actual : [actual];
  return values.some((value) => compare(value, node.operator, node.value, dialect === 'search'));
}

function compare(actual: unknown, operator: Operator, expected: Value | undefined, ignoreCase: boolean): boolean {
  if (operator === 'pr') return actual !== undefined && actual !== null && actual !== '';
  if (actual === undefined || actual === null) return expected === null && operator === 'eq';
  if (typeof expected === 'boolean' || typeof expected === 'number') {
    if (operator === 'eq') return actual === expected;
    if (typeof expected === 'number' && typeof actual === 'number') return ordered(actual - expected, operator);
    return false;
  }
  if (expected === null || expected === undefined) return false;
  const left = ignoreCase ? String(actual).toLowerCase() : String(actual);
  const right = ignoreCase ? expected.toLowerCase() : expected;
  switch (operator) {
    case 'eq':
      return left === right;
    case 'sw':
      return left.startsWith(right);
    case 'co':
      return left.includes(right);
    default:
      return ordered(left < right ? -1 : left > right ? 1 : 0, operator);
  }
}

function ordered(difference: number, operator: Operator): boolean {
  if (operator === 'gt') return difference > 0;
  if (operator === 'ge') return difference >= 0;
  if (operator === 'lt') return difference < 0;
  if (operator === 'le') return difference <= 0;
  return difference === 0;
}

/** The q parameter: a starts-with match on first name, last name or email. */
export function matchesQuery(profile: { firstName?: unknown; lastName?: unknown; email?: unknown }, q: string): boolean {
  const wanted = q.toLowerCase();
  return [profile.firstName, profile.lastName, profile.email].some((value) => typeof value === 'string' && value.toLowerCase().startsWith(wanted));
}

/** Attribute reader over a JSON-like record, following dotted paths. */
export function readPath(record: Record<string, unknown>): AttributeReader {
  return (path) => {
    let current: unknown = record;
    for (const part of path.split('.')) {
      if (typeof current !== 'object' || current === null) return undefined;
      current = (current as Record<string, unknown>)[part];
    }
    return current;
  };
}
