// What a Graph handler answers, and Graph's error shape:
//   {"error":{"code":"...","message":"...","innerError":{"date","request-id","client-request-id"}}}
// The same reply type serves top-level HTTP requests and $batch items.

export interface GraphReply {
  status: number;
  headers?: Record<string, string>;
  /** JSON body; undefined for 204. */
  body?: unknown;
}

/** Correlation data every reply carries (headers and innerError). */
export interface RequestContext {
  requestId: string;
  clientRequestId: string;
  /** Service time of the request, ms since epoch. */
  now: number;
}

/** Thrown by handlers to answer with a Graph error. */
export class GraphFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function errorBody(code: string, message: string, context: RequestContext): unknown {
  return {
    error: {
      code,
      message,
      innerError: {
        date: new Date(context.now).toISOString().slice(0, 19),
        'request-id': context.requestId,
        'client-request-id': context.clientRequestId,
      },
    },
  };
}

export function errorReply(failure: GraphFailure, context: RequestContext): GraphReply {
  return { status: failure.status, headers: { ...failure.headers }, body: errorBody(failure.code, failure.message, context) };
}

export const insufficientPrivileges = (): GraphFailure =>
  new GraphFailure(403, 'Authorization_RequestDenied', 'Insufficient privileges to complete the operation.');

export const notFound = (id: string): GraphFailure =>
  new GraphFailure(404, 'Request_ResourceNotFound', `Resource '${id}' does not exist or one of its queried reference-property objects are not present.`);

export const badRequest = (message: string, code = 'BadRequest'): GraphFailure => new GraphFailure(400, code, message);
