// JSON batching (POST /v1.0/$batch) with the rules of Microsoft's "JSON
// batching" documentation: at most 20 requests, unique ids, relative URLs,
// optional dependsOn (a request whose dependency failed answers 424), one
// status / headers / body per request, and 200 for the batch itself even
// when items fail. A malformed batch is refused as a whole with 400.
import { randomUUID } from 'node:crypto';
import { badRequest, errorBody, GraphFailure, type GraphReply, type RequestContext } from './responses';
import type { GraphCall, GraphRoutes } from './routes';

export const maxBatchRequests = 20;
const methods = new Set(['GET', 'POST', 'PATCH', 'PUT', 'DELETE']);

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  dependsOn: string[];
}

interface ItemResponse {
  id: string;
  status: number;
  headers: Record<string, string>;
  body?: unknown;
}

export function handleBatch(call: GraphCall, routes: GraphRoutes, now: () => number): GraphReply {
  const items = parseBatch(call.body);
  const responses = new Map<string, ItemResponse>();
  for (const item of executionOrder(items)) {
    const context: RequestContext = { requestId: randomUUID(), clientRequestId: item.headers['client-request-id'] ?? randomUUID(), now: now() };
    const failedDependency = item.dependsOn.find((dep) => {
      const status = responses.get(dep)?.status ?? 0;
      return status < 200 || status > 299;
    });
    if (failedDependency !== undefined) {
      responses.set(item.id, {
        id: item.id,
        status: 424,
        headers: { 'Content-Type': 'application/json' },
        body: errorBody('FailedDependency', `The request depends on request '${failedDependency}', which failed.`, context),
      });
      continue;
    }
    responses.set(item.id, runItem(call, item, context, routes));
  }
  return { status: 200, body: { responses: items.map((i) => responses.get(i.id) as ItemResponse) } };
}

function runItem(batch: GraphCall, item: BatchItem, context: RequestContext, routes: GraphRoutes): ItemResponse {
  const fail = (status: number, code: string, message: string): ItemResponse => ({
    id: item.id,
    status,
    headers: { 'Content-Type': 'application/json' },
    body: errorBody(code, message, context),
  });
  if (/^[a-z]+:\/\//i.test(item.url)) return fail(400, 'BadRequest', 'Batch request URLs must be relative to the version, for example "/users/{id}".');
  const relative = item.url.startsWith('/') ? item.url : `/${item.url}`;
  const questionMark = relative.indexOf('?');
  const path = questionMark < 0 ? relative : relative.slice(0, questionMark);
  const search = questionMark < 0 ? '' : relative.slice(questionMark + 1);
  if (path === '/$batch') return fail(400, 'BadRequest', 'A batch request cannot contain another $batch request.');
  if (item.body !== undefined && item.headers['content-type'] === undefined) {
    return fail(400, 'BadRequest', 'A Content-Type header is required for a request with a body.');
  }
  const selfUrl = new URL(`${batch.selfUrl.origin}/v1.0${path}${search ? `?${search}` : ''}`);
  const reply = routes.dispatch({
    method: item.method,
    path,
    query: new URLSearchParams(search),
    headers: item.headers,
    body: item.body,
    caller: batch.caller,
    context,
    selfUrl,
    scope: 'batch-item',
  });
  const headers: Record<string, string> = { 'Cache-Control': 'no-cache', ...(reply.headers ?? {}) };
  if (reply.body !== undefined) headers['Content-Type'] = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
  return { id: item.id, status: reply.status, headers, ...(reply.body !== undefined ? { body: reply.body } : {}) };
}

function parseBatch(body: unknown): BatchItem[] {
  const requests = typeof body === 'object' && body !== null ? (body as { requests?: unknown }).requests : undefined;
  if (!Array.isArray(requests)) throw badRequest('Invalid batch payload format: the body must be {"requests": [...]}.');
  if (requests.length === 0) throw badRequest('Invalid batch payload format: the batch has no requests.');
  if (requests.length > maxBatchRequests) {
    throw badRequest(`The batch contains ${requests.length} requests; a batch may contain at most ${maxBatchRequests}.`);
  }
  const items: BatchItem[] = [];
  const ids = new Set<string>();
  for (const raw of requests as unknown[]) {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id.length === 0) throw badRequest('Invalid batch payload format: every request needs a non-empty string id.');
    if (typeof r.method !== 'string' || !methods.has(r.method.toUpperCase())) {
      throw badRequest(`Invalid batch payload format: request '${r.id}' has no valid method.`);
    }
    if (typeof r.url !== 'string' || r.url.length === 0) throw badRequest(`Invalid batch payload format: request '${r.id}' has no url.`);
    if (ids.has(r.id)) throw badRequest(`Invalid batch payload format: the request id '${r.id}' is used more than once; ids must be unique.`);
    ids.add(r.id);
    const headers: Record<string, string> = {};
    if (r.headers !== undefined) {
      if (typeof r.headers !== 'object' || r.headers === null) throw badRequest(`Invalid batch payload format: headers of request '${r.id}' must be an object.`);
      for (const [k, v] of Object.entries(r.headers)) headers[k.toLowerCase()] = String(v);
    }
    const dependsOn = r.dependsOn === undefined ? [] : r.dependsOn;
    if (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== 'string')) {
      throw badRequest(`Invalid batch payload format: dependsOn of request '${r.id}' must be an array of request ids.`);
    }
    items.push({ id: r.id, method: r.method.toUpperCase(), url: r.url, headers, body: r.body, dependsOn: dependsOn as string[] });
  }
  for (const item of items) {
    for (const dep of item.dependsOn) {
      if (dep === item.id || !ids.has(dep)) {
        throw badRequest(`Invalid batch payload format: request '${item.id}' depends on '${dep}', which is not another request in this batch.`);
      }
    }
  }
  return items;
}

/** Dependencies first (stable otherwise); a cycle makes the batch invalid. */
function executionOrder(items: BatchItem[]): BatchItem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const order: BatchItem[] = [];
  const visit = (item: BatchItem): void => {
    const s = state.get(item.id);
    if (s === 'done') return;
    if (s === 'visiting') throw new GraphFailure(400, 'BadRequest', 'Invalid batch payload format: the dependsOn chain has a cycle.');
    state.set(item.id, 'visiting');
    for (const dep of item.dependsOn) visit(byId.get(dep) as BatchItem);
    state.set(item.id, 'done');
    order.push(item);
  };
  for (const item of items) visit(item);
  return order;
}
