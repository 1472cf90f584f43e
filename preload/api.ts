// Builds the window.rekey object from the contract table. Used by the Electron
// preload (transport: ipcRenderer.invoke) and by the renderer's practice
// bridge (transport: WebSocket), so both expose exactly the same verbs.
import {
  channels,
  events,
  isEventName,
  type ChannelName,
  type ContractError,
  type Envelope,
  type EventName,
  type RekeyApi,
} from './contract';

export interface Transport {
  invoke(channel: ChannelName, request: unknown): Promise<Envelope<unknown>>;
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/** The error a window.rekey method rejects with: the contract's refusal, as an Error. */
export class RekeyCallError extends Error {
  readonly code: ContractError['code'];
  readonly issues: ContractError['issues'];
  constructor(error: ContractError) {
    super(error.message);
    this.name = 'RekeyCallError';
    this.code = error.code;
    this.issues = error.issues;
  }
}

export function buildRekeyApi(transport: Transport): RekeyApi {
  const api: Record<string, Record<string, (request?: unknown) => Promise<unknown>>> = {};
  for (const name of Object.keys(channels) as ChannelName[]) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const verb = name.slice(dot + 1);
    const group = (api[domain] ??= {});
    group[verb] = async (request?: unknown) => {
      const envelope = await transport.invoke(name, request);
      if (envelope.ok) return envelope.value;
      throw new RekeyCallError(envelope.error);
    };
  }
  const on = (event: EventName, listener: (payload: unknown) => void): (() => void) => {
    if (!isEventName(event)) throw new RekeyCallError({ code: 'unknown-channel', message: `There is no event named "${String(event)}".` });
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    return transport.subscribe(event, listener);
  };
  return Object.freeze({ ...Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.freeze(v)])), on }) as unknown as RekeyApi;
}

/** Event names a transport may forward; anything else is dropped. */
export const knownEvents = Object.keys(events) as EventName[];
