// Building blocks of the IPC contract: a channel is a request schema and a
// reply schema; an event stream is one payload schema. Every reply travels in
// an envelope so that a refusal (bad payload, unknown channel, foreign
// sender) is data the caller can show, not a thrown string.
import { z } from 'zod';

export interface ChannelSpec<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  request: Req;
  reply: Rep;
  /** One sentence for humans (README, error messages). */
  summary: string;
}

export function channel<Req extends z.ZodType, Rep extends z.ZodType>(spec: ChannelSpec<Req, Rep>): ChannelSpec<Req, Rep> {
  return spec;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  payload: P;
  summary: string;
}

export function event<P extends z.ZodType>(spec: EventSpec<P>): EventSpec<P> {
  return spec;
}

/** A request that carries nothing. */
export const noRequest = z.undefined().or(z.null()).or(z.object({}).strict()).optional();

export const errorCodes = [
  'invalid-request', // the payload failed the channel's request schema; the handler was not called
  'unknown-channel', // no such channel in the contract
  'forbidden-sender', // the call did not come from the app's own main frame
  'invalid-reply', // the handler answered something the contract does not allow
  'failed', // the handler ran and failed; message says why
  'unauthorized', // practice bridge: missing or wrong token
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export const contractError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  /** For invalid-request: where the payload was wrong. */
  issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
});
export type ContractError = z.infer<typeof contractError>;

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError };
