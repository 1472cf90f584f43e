// Main -> renderer event streams (run progress and the like). A payload is
// validated against the contract before it leaves the main process, so the
// renderer only ever receives shapes the contract promises, and a handler bug
// that would leak an unexpected field (say, a token) fails loudly here.
import type { BrowserWindow } from 'electron';
import { events, isEventName, wireEvent, type EventName, type EventPayloadOf, type EventSpec } from '../../preload/contract';

export class EventContractError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EventContractError';
  }
}

/**
 * Send one event to the window. Returns false when the window is gone (a run
 * may outlive it); throws EventContractError for an unknown event or a payload
 * outside the contract, which is a programming error.
 */
export function emitEvent<E extends EventName>(window: BrowserWindow, name: E, payload: EventPayloadOf<E>): boolean {
  if (!isEventName(name)) throw new EventContractError(`There is no event named "${String(name)}" in the contract.`);
  const spec = (events as Record<string, EventSpec>)[name];
  if (!spec) throw new EventContractError(`There is no event named "${String(name)}" in the contract.`);
  const parsed = spec.payload.safeParse(payload);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new EventContractError(
      `The ${String(name)} event was not sent: its payload does not match the contract (${issue ? `${issue.path.join('.') || 'payload'}: ${issue.message}` : 'invalid'}).`,
    );
  }
  if (window.isDestroyed() || window.webContents.isDestroyed()) return false;
  // The parsed value, not the original: zod strips fields the contract does not declare.
  window.webContents.send(wireEvent(name), parsed.data);
  return true;
}
