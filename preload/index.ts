// The contextBridge: exposes window.rekey (one async method per contract
// channel, grouped by domain, plus `on` for event streams) and nothing else.
// ipcRenderer itself never reaches the page, and neither does the
// IpcRendererEvent (it carries `sender`, i.e. ipcRenderer).
//
// Bundled to CommonJS (out/preload/index.cjs): a sandboxed preload can only
// require 'electron', so this file imports nothing but electron, zod and the
// contract.
import './zod-jitless';
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import { buildRekeyApi, knownEvents, type Transport } from './api';
import { contractError, wireChannel, wireEvent, type ContractError, type Envelope } from './contract';

function failure(error: ContractError): Envelope<never> {
  return { ok: false, error };
}

/** Main always answers with an envelope; anything else means something between us is broken. */
function asEnvelope(reply: unknown): Envelope<unknown> {
  if (typeof reply === 'object' && reply !== null && 'ok' in reply) {
    const candidate = reply as { ok: unknown; value?: unknown; error?: unknown };
    if (candidate.ok === true) return { ok: true, value: candidate.value };
    if (candidate.ok === false) {
      const parsed = contractError.safeParse(candidate.error);
      if (parsed.success) return failure(parsed.data);
    }
  }
  return failure({ code: 'invalid-reply', message: 'Rekey received a reply it does not understand from its main process.' });
}

export function createIpcTransport(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): Transport {
  return {
    async invoke(channel, request) {
      try {
        return asEnvelope(await ipc.invoke(wireChannel(channel), request));
      } catch (error) {
        // invoke rejects only when main has no handler or the request cannot be cloned.
        return failure({
          code: 'failed',
          message: `Rekey's main process did not answer ${channel}: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
    },
    subscribe(event, listener) {
      if (!knownEvents.includes(event)) return () => {};
      const forward = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipc.on(wireEvent(event), forward);
      return () => {
        ipc.removeListener(wireEvent(event), forward);
      };
    },
  };
}

/**
 * What a window.rekey call rejects with. contextBridge copies Error objects
 * with their message only ("custom properties on the Error object will be
 * lost"), so the contract error crosses as a plain object that keeps `code`
 * and `issues`. Page code reads `error.code` / `error.message`, which works
 * for this and for the practice bridge's RekeyCallError alike.
 */
export interface BridgedCallError {
  name: 'RekeyCallError';
  code: ContractError['code'];
  message: string;
  issues?: ContractError['issues'];
}

function toBridgeable(error: unknown): unknown {
  if (error instanceof Error && 'code' in error) {
    const parsed = contractError.safeParse({ code: error.code, message: error.message, issues: (error as { issues?: unknown }).issues });
    if (parsed.success) {
      const bridged: BridgedCallError = { name: 'RekeyCallError', ...parsed.data };
      return bridged;
    }
  }
  return error;
}

type AnyFunction = (...args: unknown[]) => unknown;

/** Wrap every method so that contract refusals survive the bridge's copy. */
export function bridgeableApi(api: object): Record<string, unknown> {
  const wrap = (fn: AnyFunction): AnyFunction =>
    (...args) => {
      try {
        const result = fn(...args);
        return result instanceof Promise ? result.catch((error: unknown) => Promise.reject(toBridgeable(error))) : result;
      } catch (error) {
        throw toBridgeable(error);
      }
    };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(api)) {
    if (typeof value === 'function') out[key] = wrap(value as AnyFunction);
    else if (typeof value === 'object' && value !== null) out[key] = Object.freeze(bridgeableApi(value));
  }
  return Object.freeze(out);
}

export function exposeRekeyApi(): void {
  contextBridge.exposeInMainWorld('rekey', bridgeableApi(buildRekeyApi(createIpcTransport(ipcRenderer))));
}

exposeRekeyApi();
