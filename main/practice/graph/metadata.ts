// The Microsoft Graph v1.0 CSDL ($metadata), read once per process and kept
// in memory. The stand-in checks $select names and PATCH bodies against it so
// that a property the real service would not know is refused here too.
//
// The file is the official, unmodified description in ../shared/specs (see
// its README). It is 3.5 MB: parsing takes a few hundred milliseconds, so the
// parse is shared by every stand-in started in the same process.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';

export interface PropertyDef {
  name: string;
  /** Edm type or qualified complex/entity type, e.g. "Edm.Boolean", "graph.passwordProfile", "Collection(Edm.String)". */
  type: string;
}

export interface StructuredTypeDef {
  /** Qualified name, e.g. "microsoft.graph.user". */
  name: string;
  baseType?: string;
  kind: 'entity' | 'complex';
  /** Own and inherited structural properties. */
  properties: Map<string, PropertyDef>;
  /** Own and inherited navigation properties. */
  navigation: Set<string>;
}

export interface GraphModel {
  type(qualifiedName: string): StructuredTypeDef | undefined;
  /** The structural property of a type (own or inherited), or undefined. */
  property(qualifiedName: string, property: string): PropertyDef | undefined;
  isNavigation(qualifiedName: string, property: string): boolean;
  /** The bound actions of a type by name (e.g. "revokeSignInSessions" on user). */
  hasBoundAction(qualifiedName: string, action: string): boolean;
}

export const defaultMetadataPath = fileURLToPath(new URL('../../../../shared/specs/graph-v1.0-metadata.xml', import.meta.url));

interface RawProperty {
  Name: string;
  Type: string;
}
interface RawType {
  Name: string;
  BaseType?: string;
  Property?: RawProperty[];
  NavigationProperty?: RawProperty[];
}
interface RawParameter {
  Name: string;
  Type: string;
}
interface RawAction {
  Name: string;
  IsBound?: string;
  Parameter?: RawParameter[];
}
interface RawSchema {
  Namespace: string;
  Alias?: string;
  EntityType?: RawType[];
  ComplexType?: RawType[];
  Action?: RawAction[];
}

const arrayElements = new Set(['Schema', 'EntityType', 'ComplexType', 'Property', 'NavigationProperty', 'Action', 'Parameter']);

let cached: { path: string; model: Promise<GraphModel> } | undefined;

/** Load (once) and return the model. A different path replaces the cached one. */
export function loadGraphModel(path: string = defaultMetadataPath): Promise<GraphModel> {
  if (cached && cached.path === path) return cached.model;
  const model = readFile(path, 'utf8').then(parseCsdl);
  cached = { path, model };
  model.catch(() => {
    if (cached?.model === model) cached = undefined;
  });
  return model;
}

export function parseCsdl(xml: string): GraphModel {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    // Annotations, enums and functions are irrelevant here; skipping them keeps memory down.
    stopNodes: ['*.Annotations', '*.EnumType', '*.Function', '*.Term'],
    isArray: (name) => arrayElements.has(name),
  });
  const doc = parser.parse(xml) as { 'edmx:Edmx'?: { 'edmx:DataServices'?: { Schema?: RawSchema[] } } };
  const schemas = doc['edmx:Edmx']?.['edmx:DataServices']?.Schema;
  if (!schemas?.length) throw new Error('The Graph metadata file has no Schema element; is it a CSDL document?');

  const aliases = new Map<string, string>();
  for (const schema of schemas) if (schema.Alias) aliases.set(schema.Alias, schema.Namespace);
  const qualify = (name: string): string => {
    const collection = /^Collection\((.*)\)$/.exec(name);
    if (collection?.[1]) return `Collection(${qualify(collection[1])})`;
    const dot = name.lastIndexOf('.');
    if (dot < 0) return name;
    const ns = name.slice(0, dot);
    return `${aliases.get(ns) ?? ns}.${name.slice(dot + 1)}`;
  };

  const raw = new Map<string, { def: RawType; kind: 'entity' | 'complex' }>();
  const boundActions = new Map<string, Set<string>>();
  for (const schema of schemas) {
    for (const def of schema.EntityType ?? []) raw.set(`${schema.Namespace}.${def.Name}`, { def, kind: 'entity' });
    for (const def of schema.ComplexType ?? []) raw.set(`${schema.Namespace}.${def.Name}`, { def, kind: 'complex' });
    for (const action of schema.Action ?? []) {
      if (action.IsBound !== 'true') continue;
      const binding = action.Parameter?.[0];
      if (!binding) continue;
      const bound = qualify(binding.Type);
      let names = boundActions.get(bound);
      if (!names) boundActions.set(bound, (names = new Set()));
      names.add(action.Name);
    }
  }

  const resolved = new Map<string, StructuredTypeDef>();
  const resolve = (name: string, seen: Set<string> = new Set()): StructuredTypeDef | undefined => {
    const done = resolved.get(name);
    if (done) return done;
    const entry = raw.get(name);
    if (!entry || seen.has(name)) return undefined;
    seen.add(name);
    const baseType = entry.def.BaseType ? qualify(entry.def.BaseType) : undefined;
    const base = baseType ? resolve(baseType, seen) : undefined;
    const properties = new Map(base?.properties ?? []);
    const navigation = new Set(base?.navigation ?? []);
    for (const p of entry.def.Property ?? []) properties.set(p.Name, { name: p.Name, type: qualify(p.Type) });
    for (const n of entry.def.NavigationProperty ?? []) navigation.add(n.Name);
    const def: StructuredTypeDef = { name, baseType, kind: entry.kind, properties, navigation };
    resolved.set(name, def);
    return def;
  };

  return {
    type: (name) => resolve(name),
    property: (name, property) => resolve(name)?.properties.get(property),
    isNavigation: (name, property) => resolve(name)?.navigation.has(property) ?? false,
    hasBoundAction: (name, action) => boundActions.get(name)?.has(action) ?? false,
  };
}
