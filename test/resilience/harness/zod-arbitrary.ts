// fast-check arbitraries for the IPC contract's zod schemas: values shaped
// like a channel's request (mostly valid), and "near-valid" variants of them
// (one key missing, one key too many, one leaf of the wrong type or just out
// of range). Covers the zod features the contract uses (zod 4 internals:
// schema._zod.def); anything else falls back to arbitrary JSON.
import fc from 'fast-check';
import type { z } from 'zod';

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: Record<string, unknown> } }>;
  shape?: Record<string, z.ZodType>;
  catchall?: z.ZodType;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  in?: z.ZodType;
  getter?: () => z.ZodType;
  items?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (def: Def) => (def.checks ?? []).map((c) => c._zod.def);

const safeChars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-@ ';

function stringArbitrary(def: Def): fc.Arbitrary<string> {
  const checks = checksOf(def);
  const min = Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
  const max = Number(checks.find((c) => c.check === 'max_length')?.maximum ?? 40);
  const format = checks.find((c) => c.check === 'string_format');
  if (format?.format === 'uuid' || format?.format === 'guid') return fc.uuid();
  if (format?.format === 'url') return fc.webUrl();
  if (format?.format === 'email') return fc.emailAddress();
  if (format?.format === 'regex' && format.pattern instanceof RegExp) return fc.stringMatching(format.pattern).filter((s) => s.length >= min && s.length <= max);
  const upper = Math.max(min, Math.min(max, min + 24));
  // Letters first: a value that trims to empty would fail min(1) after trim().
  return fc
    .string({ unit: fc.constantFrom(...safeChars), minLength: min, maxLength: upper })
    .map((s) => (min > 0 ? `a${s.trim()}`.slice(0, Math.max(min, Math.min(max, s.length || 1))) : s));
}

function numberArbitrary(def: Def): fc.Arbitrary<number> {
  const checks = checksOf(def);
  const integer = checks.some((c) => c.check === 'number_format' && (c.format === 'safeint' || c.format === 'int32' || c.format === 'uint32'));
  const low = checks.find((c) => c.check === 'greater_than');
  const high = checks.find((c) => c.check === 'less_than');
  const min = low ? Number(low.value) + (low.inclusive ? 0 : integer ? 1 : 1e-6) : integer ? -1000 : -1e6;
  const max = high ? Number(high.value) - (high.inclusive ? 0 : integer ? 1 : 1e-6) : integer ? 1_000_000 : 1e6;
  return integer ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
}

/** Values shaped like the schema, valid as far as the schema's shape and checks go (refinements aside). */
export function arbitraryFor(schema: z.ZodType, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return stringArbitrary(def);
    case 'number':
      return numberArbitrary(def);
    case 'boolean':
      return fc.boolean();
    case 'literal':
      return fc.constantFrom(...(def.values ?? [null]));
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries ?? { x: 'x' }));
    case 'undefined':
      return fc.constant(undefined);
    case 'null':
      return fc.constant(null);
    case 'optional':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryFor(def.innerType as z.ZodType, depth), { nil: null, freq: 3 });
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return arbitraryFor(def.innerType as z.ZodType, depth);
    case 'pipe':
      return arbitraryFor(def.in as z.ZodType, depth);
    case 'lazy':
      return depth > 3 ? fc.constant(null) : arbitraryFor((def.getter as () => z.ZodType)(), depth + 1);
    case 'array': {
      const checks = checksOf(def);
      const min = Number(checks.find((c) => c.check === 'min_length')?.minimum ?? 0);
      const max = Number(checks.find((c) => c.check === 'max_length')?.maximum ?? 5);
      return fc.array(arbitraryFor(def.element as z.ZodType, depth + 1), { minLength: min, maxLength: Math.max(min, Math.min(max, min + 4)) });
    }
    case 'tuple':
      return fc.tuple(...(def.items ?? []).map((item) => arbitraryFor(item, depth + 1)));
    case 'object': {
      const shape = def.shape ?? {};
      const optional = Object.keys(shape).filter((key) => defOf(shape[key] as z.ZodType).type === 'optional');
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, value] of Object.entries(shape)) {
        const inner = defOf(value).type === 'optional' ? (defOf(value).innerType as z.ZodType) : value;
        model[key] = arbitraryFor(inner, depth + 1);
      }
      return fc.record(model, { requiredKeys: Object.keys(shape).filter((key) => !optional.includes(key)) });
    }
    case 'union':
      return fc.oneof(...(def.options ?? []).map((option) => arbitraryFor(option, depth)));
    case 'intersection':
      return fc.tuple(arbitraryFor(def.left as z.ZodType, depth), arbitraryFor(def.right as z.ZodType, depth)).map(([a, b]) => ({ ...(a as object), ...(b as object) }));
    case 'record': {
      const keyDef = defOf(def.keyType as z.ZodType);
      const value = arbitraryFor(def.valueType as z.ZodType, depth + 1);
      if (keyDef.type === 'enum') {
        const keys = Object.values(keyDef.entries ?? {}).map(String);
        return fc.record(Object.fromEntries(keys.map((k) => [k, value])), { requiredKeys: [] });
      }
      return fc.dictionary(stringArbitrary({ type: 'string' }), value, { maxKeys: 3 });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

/** Values no JSON encoder produces but IPC's structured clone can carry, plus the classics. */
export const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(null, undefined, true, 0, -1, -0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN, Number.MAX_SAFE_INTEGER + 2, 2 ** 53, '', ' ', '\u0000', '\u202e', '__proto__', 'constructor'),
  fc.string({ minLength: 1, maxLength: 8 }),
  fc.integer(),
  fc.double(),
  fc.constant('x'.repeat(70_000)),
  fc.constant([]),
  fc.constant({}),
  fc.constant(new Date(0)),
  fc.constant(new Map([['a', 1]])),
  fc.constant(new Uint8Array([1, 2, 3])),
  fc.bigInt(),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}}') as unknown),
);

type Path = Array<string | number>;

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Object.keys(value)) pathsOf((value as Record<string, unknown>)[key], [...prefix, key], out);
  }
  return out;
}

function edit(value: unknown, path: Path, change: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  const copy = structuredClone(value);
  if (path.length === 0) return copy;
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  change(parent, path[path.length - 1] as string | number);
  return copy;
}

/** One near-valid variant: a valid-shaped value with one thing wrong (or, sometimes, nothing wrong). */
export function nearValid(schema: z.ZodType): fc.Arbitrary<unknown> {
  return fc
    .tuple(arbitraryFor(schema), fc.nat(), fc.constantFrom('replace', 'drop', 'extra', 'keep'), hostileLeaf, fc.constantFrom('__proto__', 'constructor', 'extra', 'toString', 'password'))
    .map(([value, pick, kind, leaf, extraKey]) => {
      const paths = pathsOf(value);
      const path = paths[pick % paths.length] as Path;
      switch (kind) {
        case 'keep':
          return value;
        case 'replace':
          return path.length === 0 ? leaf : edit(value, path, (parent, key) => (parent[key] = leaf));
        case 'drop':
          return path.length === 0 ? undefined : edit(value, path, (parent, key) => (Array.isArray(parent) ? parent.splice(Number(key), 1) : delete parent[key]));
        case 'extra': {
          const objects = paths.filter((p) => {
            let node: unknown = value;
            for (const key of p) node = (node as Record<string | number, unknown>)[key];
            return node !== null && typeof node === 'object' && !Array.isArray(node);
          });
          const target = objects[pick % Math.max(1, objects.length)];
          if (!target) return value;
          // defineProperty: "__proto__" becomes an own key, as JSON.parse and structured clone make it.
          return edit(value, [...target, extraKey], (parent, key) => Object.defineProperty(parent, key, { value: leaf, enumerable: true, configurable: true, writable: true }));
        }
      }
    });
}
