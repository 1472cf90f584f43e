// Raw HTTPS calls to the Graph stand-in (no SDK), to check its rules exactly.
import { createFetch } from '../../../../main/entra/transport';
import { practiceTenant } from '../../../../main/practice/graph/seed';
import { startGraphStandIn, type GraphStandIn, type GraphStandInOptions } from '../../../../main/practice/graph/server';

export interface RawReply {
  status: number;
  headers: Headers;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- Graph JSON, asserted field by field
  text: string;
}

export interface RawClient {
  standIn: GraphStandIn;
  token: string;
  call(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string>; token?: string | null; raw?: string }): Promise<RawReply>;
}

export async function rawClient(options: GraphStandInOptions = {}, user: string = practiceTenant.operators.privilegedAuthAdmin): Promise<RawClient> {
  const standIn = await startGraphStandIn({ timeScale: 0.001, ...options });
  const fetchLike = createFetch({ origin: standIn.origin, certificatePem: standIn.certificatePem });
  const token = standIn.authority.issueUserToken(`${user}@${standIn.tenantDomain}`, practiceTenant.delegatedClientId);
  return {
    standIn,
    token,
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...(opts.headers ?? {}) };
      const bearer = opts.token === undefined ? token : opts.token;
      if (bearer) headers.Authorization = `Bearer ${bearer}`;
      let body: string | undefined = opts.raw;
      if (opts.body !== undefined) {
        body = JSON.stringify(opts.body);
        headers['Content-Type'] = 'application/json';
      }
      const url = path.startsWith('https://') ? path : `${standIn.graphBaseUrl}${path}`;
      const response = await fetchLike(url, { method, headers, body });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
  };
}
