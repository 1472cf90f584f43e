// HTTP for MSAL and the Graph SDK. Against Microsoft (login.microsoftonline.com,
// graph.microsoft.com) both SDKs use the platform fetch, exactly as shipped.
// Against the practice stand-in, whose certificate is self-signed, requests
// to THAT origin only go through a Node https agent that trusts that one
// certificate; every other origin still uses the platform fetch with normal
// verification. TLS verification is never switched off.
import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { AuthError, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A host whose certificate is trusted explicitly (the stand-in), e.g. { origin: 'https://127.0.0.1:4443', certificatePem }. */
export interface TrustedHost {
  origin: string;
  certificatePem: string;
}

/** The platform fetch, or for the trusted origin a fetch that pins its certificate. */
export function createFetch(trusted?: TrustedHost): FetchLike {
  if (!trusted) return (input, init) => fetch(input, init);
  const origin = new URL(trusted.origin).origin;
  if (!origin.startsWith('https://')) throw new Error(`The trusted host ${trusted.origin} must use https.`);
  const agent = new Agent({ ca: trusted.certificatePem, keepAlive: true, maxSockets: 16 });
  return (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    return url.origin === origin ? pinnedFetch(agent, url, input, init) : fetch(input, init);
  };
}

async function pinnedFetch(agent: Agent, url: URL, input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const request = input instanceof Request ? input : undefined;
  const method = (init.method ?? request?.method ?? 'GET').toUpperCase();
  const headers = new Headers(request?.headers);
  new Headers(init.headers).forEach((value, key) => headers.set(key, value));
  const body = await bodyBytes(init.body ?? (request && method !== 'GET' && method !== 'HEAD' ? await request.arrayBuffer() : undefined));
  if (body) headers.set('content-length', String(body.length));
  const signal = init.signal ?? request?.signal ?? undefined;

  return new Promise<Response>((resolve, reject) => {
    const outgoing: Record<string, string> = {};
    headers.forEach((value, key) => (outgoing[key] = value));
    const req = httpsRequest(url, { method, headers: outgoing, agent, signal }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', (error) => reject(new TypeError('fetch failed', { cause: error })));
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        const noBody = status === 204 || status === 304 || method === 'HEAD';
        resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage, headers: toHeaders(res.headers) }));
      });
    });
    req.on('error', (error) => reject(signal?.aborted ? (signal.reason ?? error) : new TypeError('fetch failed', { cause: error })));
    if (body) req.write(body);
    req.end();
  });
}

async function bodyBytes(body: BodyInit | ArrayBuffer | null | undefined): Promise<Buffer | undefined> {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof URLSearchParams) return Buffer.from(body.toString(), 'utf8');
  return Buffer.from(await new Response(body).arrayBuffer());
}

function toHeaders(incoming: IncomingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [key, value] of Object.entries(incoming)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(key, v);
  }
  return headers;
}

/**
 * MSAL's network interface over a FetchLike, mirroring MSAL Node's own
 * HttpClient: JSON bodies, lower-case header names, timeouts as aborts.
 */
export class MsalNetwork implements INetworkModule {
  constructor(private readonly fetchLike: FetchLike) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'GET', options, timeout);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, 'POST', options);
  }

  private async send<T>(url: string, method: string, options?: NetworkRequestOptions, timeout?: number): Promise<NetworkResponse<T>> {
    let response: Response;
    try {
      response = await this.fetchLike(url, {
        method,
        headers: options?.headers,
        body: method === 'POST' ? (options?.body ?? '') : undefined,
        signal: timeout ? AbortSignal.timeout(timeout) : undefined,
      });
    } catch (error) {
      throw new AuthError('network_error', `Network request failed: ${error instanceof Error ? error.message : 'unknown'}`);
    }
    const headers: Record<string, string> = {};
    response.headers.forEach((value, key) => (headers[key] = value));
    try {
      return { headers, body: (await response.json()) as T, status: response.status };
    } catch (error) {
      throw new AuthError('token_parsing_error', `Failed to parse response: ${error instanceof Error ? error.message : 'unknown'}`);
    }
  }
}

/**
 * The last link of the Graph SDK's middleware chain: sends the request with
 * a FetchLike (the SDK's own HTTPMessageHandler always uses the global fetch).
 */
export class FetchMessageHandler implements Middleware {
  constructor(private readonly fetchLike: FetchLike) {}

  async execute(context: Context): Promise<void> {
    context.response = await this.fetchLike(context.request as string | Request, context.options as RequestInit | undefined);
  }
}
