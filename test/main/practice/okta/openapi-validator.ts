// Checks what the Okta stand-in sends against Okta's official OpenAPI
// description (../shared/specs/okta-management-2026.06.3.yaml): each response
// body against the schema its operation declares for that status, with $refs
// resolved by Ajv. OpenAPI 3.0 is not quite JSON Schema, so schemas are adapted
// first: `nullable: true` becomes a null alternative, and a `oneOf` with a
// `discriminator` mapping becomes "if type is X then it is schema X" (the
// mapped schemas overlap, so plain oneOf would reject valid role objects).
//
// Parsing the 3.4 MB YAML takes seconds, so the parsed document is cached in
// the OS temp directory, keyed by the file's hash.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import type { ObservedExchange } from '../../../../main/practice/okta/server';

const specPath = path.resolve(process.cwd(), '../shared/specs/okta-management-2026.06.3.yaml');
const specId = 'okta-management';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface ConformanceProblem {
  exchange: string;
  problem: string;
}

export interface OpenApiValidator {
  /** Problems with one exchange's response (empty when it conforms). */
  check(exchange: ObservedExchange): string[];
  /** Problems with one exchange's request: every query parameter declared by the operation and of its type. */
  checkRequest(exchange: ObservedExchange): string[];
  /** Whether the description has this operation. */
  hasOperation(method: string, template: string): boolean;
}

let cached: OpenApiValidator | undefined;

export function loadOktaValidator(): OpenApiValidator {
  cached ??= buildValidator(loadSpec());
  return cached;
}

function loadSpec(): { [key: string]: Json } {
  const text = readFileSync(specPath, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 16);
  const cachePath = path.join(tmpdir(), `rekey-okta-spec-${hash}.json`);
  if (existsSync(cachePath)) {
    try {
      return JSON.parse(readFileSync(cachePath, 'utf8')) as { [key: string]: Json };
    } catch {
      // A half-written cache from a crashed run: parse again below.
    }
  }
  const doc = parse(text, { maxAliasCount: -1 }) as { [key: string]: Json };
  const temporary = `${cachePath}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(doc));
  renameSync(temporary, cachePath);
  return doc;
}

/** Keys that document rather than constrain; examples also hold `$id`s Ajv would try to register. */
const documentation = new Set(['example', 'examples', 'description', 'summary', 'externalDocs']);

function adapt(node: Json, parentKey = ''): Json {
  if (Array.isArray(node)) return node.map((item) => adapt(item));
  if (node === null || typeof node !== 'object') return node;
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(node)) {
    // Under `properties` a key is a property name, never documentation.
    if (parentKey !== 'properties' && (documentation.has(key) || key.startsWith('x-'))) continue;
    out[key] = adapt(value, key);
  }
  const mapping = (out.discriminator as { mapping?: { [key: string]: string }; propertyName?: string } | undefined)?.mapping;
  const property = (out.discriminator as { propertyName?: string } | undefined)?.propertyName;
  if (out.oneOf && mapping && property) {
    delete out.oneOf;
    out.allOf = [
      ...((out.allOf as Json[] | undefined) ?? []),
      { required: [property], properties: { [property]: { enum: Object.keys(mapping) } } },
      ...Object.entries(mapping).map(([value, ref]) => ({
        if: { required: [property], properties: { [property]: { const: value } } },
        then: { $ref: `${specId}${ref}` },
      })),
    ];
  }
  delete out.discriminator;
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  if (typeof out.$ref === 'string' && out.$ref.startsWith('#/')) out.$ref = `${specId}${out.$ref}`;
  return out;
}

function pointer(...parts: string[]): string {
  return parts.map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

function buildValidator(doc: { [key: string]: Json }): OpenApiValidator {
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  const paths = doc.paths as { [path: string]: { [method: string]: { [key: string]: Json } } };
  const adapted = { $id: specId, components: adapt(doc.components as Json), paths: adapt(doc.paths as Json) };
  ajv.addSchema(adapted as object);
  const compiled = new Map<string, ValidateFunction>();
  const validatorFor = (ref: string) => {
    let validate = compiled.get(ref);
    if (!validate) {
      validate = ajv.compile({ $ref: ref });
      compiled.set(ref, validate);
    }
    return validate;
  };

  const responseOf = (template: string, method: string, status: number): { pointer: string; object: { [key: string]: Json } } | undefined => {
    const operation = paths[template]?.[method.toLowerCase()];
    const responses = operation?.responses as { [status: string]: { [key: string]: Json } } | undefined;
    const declared = responses?.[String(status)] ?? responses?.default;
    if (!declared) return undefined;
    const key = responses?.[String(status)] ? String(status) : 'default';
    if (typeof declared.$ref === 'string') {
      const name = declared.$ref.split('/').pop() as string;
      return { pointer: `#/components/responses/${pointer(name)}`, object: (doc.components as { responses: { [name: string]: { [key: string]: Json } } }).responses[name] as { [key: string]: Json } };
    }
    return { pointer: `#/paths/${pointer(template)}/${method.toLowerCase()}/responses/${key}`, object: declared };
  };

  const components = doc.components as { parameters: { [name: string]: { [key: string]: Json } } };
  const parametersOf = (template: string, method: string) => {
    const item = paths[template] as { parameters?: Json[] } & { [method: string]: { parameters?: Json[] } };
    const listed = [...(item?.parameters ?? []), ...(item?.[method.toLowerCase()]?.parameters ?? [])] as { [key: string]: Json }[];
    return listed.map((parameter) => (typeof parameter.$ref === 'string' ? components.parameters[parameter.$ref.split('/').pop() as string]! : parameter));
  };
  const parameterValidators = new Map<string, ValidateFunction>();
  const coerce = (raw: string, schema: { [key: string]: Json }): unknown => {
    if (schema.type === 'integer' || schema.type === 'number') return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : raw;
    if (schema.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw;
    return raw;
  };

  return {
    hasOperation: (method, template) => paths[template]?.[method.toLowerCase()] !== undefined,
    checkRequest(exchange) {
      if (!exchange.template || !paths[exchange.template]?.[exchange.method.toLowerCase()]) return [];
      const problems: string[] = [];
      const declared = parametersOf(exchange.template, exchange.method).filter((parameter) => parameter.in === 'query');
      const query = new URLSearchParams(exchange.query);
      for (const [name, raw] of query) {
        const parameter = declared.find((candidate) => candidate.name === name);
        if (!parameter) {
          problems.push(`query parameter ${name} is not declared by ${exchange.method} ${exchange.template}`);
          continue;
        }
        const schema = adapt((parameter.schema ?? {}) as Json) as { [key: string]: Json };
        const key = JSON.stringify(schema);
        let validate = parameterValidators.get(key);
        if (!validate) {
          validate = ajv.compile(schema);
          parameterValidators.set(key, validate);
        }
        if (!validate(coerce(raw, schema))) problems.push(`query parameter ${name}=${raw}: ${(validate.errors ?? []).map((error) => error.message).join(', ')}`);
      }
      for (const parameter of declared.filter((candidate) => candidate.required === true)) {
        if (!query.has(String(parameter.name))) problems.push(`required query parameter ${String(parameter.name)} is missing`);
      }
      return problems;
    },
    check(exchange) {
      const problems: string[] = [];
      const isJson = exchange.body.length > 0;
      let body: unknown;
      if (isJson) {
        try {
          body = JSON.parse(exchange.body);
        } catch {
          return ['body is not JSON'];
        }
      }
      const challenge = exchange.headers['WWW-Authenticate'] !== undefined;
      const declared = exchange.template ? responseOf(exchange.template, exchange.method, exchange.status) : undefined;
      if (exchange.template && !paths[exchange.template]?.[exchange.method.toLowerCase()]) problems.push(`operation ${exchange.method} ${exchange.template} is not in the description`);
      if (declared) {
        const content = (declared.object.content as { [type: string]: { schema?: Json } } | undefined)?.['application/json'];
        if (content?.schema) {
          if (!isJson) problems.push(`status ${exchange.status} declares a JSON body but none was sent`);
          else {
            const validate = validatorFor(`${specId}${declared.pointer}/content/application~1json/schema`);
            if (!validate(body)) problems.push(...(validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message ?? 'invalid'}`));
          }
        } else if (isJson) {
          problems.push(`status ${exchange.status} declares no body but one was sent`);
        }
      } else if (isJson) {
        // A status the operation does not list (401 E0000011, 400 E0000001, 5xx...): Okta's generic Error object.
        const validate = validatorFor(`${specId}#/components/schemas/Error`);
        if (!validate(body)) problems.push(...(validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message ?? 'invalid'}`));
        if (typeof (body as { errorCode?: unknown }).errorCode !== 'string') problems.push('error body has no errorCode');
      } else if (exchange.status !== 204 && !challenge) {
        problems.push(`status ${exchange.status} with an empty body and no WWW-Authenticate challenge`);
      }
      return problems;
    },
  };
}

/** Validate every exchange, request and response; the token endpoint is the only path allowed to be outside the Management description. */
export function conformanceProblems(exchanges: readonly ObservedExchange[]): ConformanceProblem[] {
  const validator = loadOktaValidator();
  const problems: ConformanceProblem[] = [];
  for (const exchange of exchanges) {
    const label = `${exchange.method} ${exchange.path}${exchange.query} -> ${exchange.status}`;
    if (exchange.path === '/oauth2/v1/token') {
      // The OAuth token endpoint belongs to Okta's OAuth description, not the Management one: RFC 6749 shapes.
      const body = JSON.parse(exchange.body || '{}') as Record<string, unknown>;
      const ok = exchange.status === 200 ? typeof body.access_token === 'string' && typeof body.token_type === 'string' : typeof body.error === 'string';
      if (!ok) problems.push({ exchange: label, problem: 'token endpoint answer is not an RFC 6749 token or error' });
      continue;
    }
    // Unknown paths and methods (404/405), throttling (429) and server errors answer with Okta's Error object whatever the path.
    if (!exchange.template && ![404, 405, 429].includes(exchange.status) && exchange.status < 500) {
      problems.push({ exchange: label, problem: 'request matched no operation' });
      continue;
    }
    // A request outside the description must not have been accepted (a 4xx answer to it is the point of the test that sent it).
    const requestProblems = exchange.status < 400 ? validator.checkRequest(exchange).map((problem) => `accepted a request the description rejects: ${problem}`) : [];
    for (const problem of [...requestProblems, ...validator.check(exchange)]) problems.push({ exchange: label, problem });
  }
  return problems;
}
