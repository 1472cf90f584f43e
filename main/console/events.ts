// How console services reach the renderer: one function for every contract
// event (Electron: emitEvent to the window; practice: the WebSocket bridge).
import type { EventName, EventPayloadOf } from '../../preload/contract';

export type ConsoleEmit = <E extends EventName>(name: E, payload: EventPayloadOf<E>) => void;

/** Emitting must never break the work that emits: a closed window or a bad payload is logged. */
export function safeEmitter(emit: ConsoleEmit, log: (line: string) => void): ConsoleEmit {
  return (name, payload) => {
    try {
      emit(name, payload);
    } catch (error) {
      log(`the ${name} event was not sent: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
}
