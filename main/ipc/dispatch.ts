// One dispatcher for every transport: Electron's ipcMain (main/ipc/electron-bind.ts)
// and the practice host's WebSocket bridge both hand (channel, payload, sender)
// here. Nothing reaches a handler unless the channel exists, the sender is
// trusted and the payload passes the channel's request schema.
import type { z } from 'zod';
import {
  channels,
  isChannelName,
  type ChannelName,
  type ContractError,
  type Envelope,
  type ParsedRequestOf,
  type ReplyOf,
} from '../../preload/contract';

export interface CallContext {
  /** Which transport the call came through. */
  transport: 'electron' | 'practice-bridge';
  /** Who is operating (OS user name or "practice"), for approvals and the journal. */
  operator: string;
}

export type Handler<C extends ChannelName> = (request: ParsedRequestOf<C>, ctx: CallContext) => Promise<ReplyOf<C>> | ReplyOf<C>;

/** A handler for every channel in the contract: leaving one out is a type error. */
export type HandlerTable = { [C in ChannelName]: Handler<C> };

export class HandlerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HandlerError';
  }
}

export interface Dispatcher {
  dispatch(channel: unknown, payload: unknown, ctx: CallContext, senderTrusted: boolean): Promise<Envelope<unknown>>;
}

function refuse(code: ContractError['code'], message: string, issues?: ContractError['issues']): Envelope<never> {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

function issuesOf(error: z.ZodError): NonNullable<ContractError['issues']> {
  return error.issues.slice(0, 20).map((issue) => ({
    path: issue.path.map(String).join('.') || '(request)',
    message: issue.message,
  }));
}

/** Messages from handlers are shown to the operator; never echo anything that looks like a secret. */
function describeFailure(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

export function createDispatcher(handlers: HandlerTable, log: (line: string) => void = () => {}): Dispatcher {
  return {
    async dispatch(channel, payload, ctx, senderTrusted) {
      if (!senderTrusted) {
        log(`refused call from an untrusted sender (channel ${String(channel).slice(0, 60)})`);
        return refuse('forbidden-sender', 'Calls are accepted only from the Rekey window.');
      }
      if (!isChannelName(channel)) {
        return refuse('unknown-channel', `There is no channel named "${String(channel).slice(0, 60)}".`);
      }
      const spec = channels[channel];
      const parsed = spec.request.safeParse(payload);
      if (!parsed.success) {
        return refuse('invalid-request', `The request for ${channel} was refused: ${parsed.error.issues[0]?.message ?? 'invalid'}.`, issuesOf(parsed.error));
      }
      let value: unknown;
      try {
        const handler = handlers[channel] as Handler<typeof channel>;
        value = await handler(parsed.data as never, ctx);
      } catch (error) {
        log(`${channel} failed: ${describeFailure(error)}`);
        return refuse('failed', describeFailure(error));
      }
      const checked = spec.reply.safeParse(value);
      if (!checked.success) {
        log(`${channel} produced a reply outside the contract: ${checked.error.issues[0]?.message}`);
        return refuse('invalid-reply', `${channel} produced a reply the contract does not allow.`, issuesOf(checked.error));
      }
      return { ok: true, value: checked.data };
    },
  };
}
