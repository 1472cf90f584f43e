// The whole IPC surface of Rekey, declared once. Main validates every request
// against these schemas before a handler runs (main/ipc/dispatch.ts); the
// preload and the practice bridge expose exactly these verbs to the renderer.
// There is no generic "run PowerShell" or "fetch URL" channel by design.
//
// Channels are named "<domain>.<verb>"; window.rekey.<domain>.<verb>(request)
// calls one. Each domain's schemas live in ./contract/<domain>.ts.
import type { z } from 'zod';
import type { ChannelSpec, EventSpec } from './contract/define';
import { appChannels } from './contract/app';
import { settingsChannels } from './contract/settings';
import { connectionsChannels, connectionsEvents } from './contract/connections';
import { accountsChannels } from './contract/accounts';
import { planChannels } from './contract/plan';
import { runChannels, runEvents } from './contract/run';
import { verifyChannels } from './contract/verify';
import { activityChannels } from './contract/activity';
import { exclusionsChannels } from './contract/exclusions';

export * from './contract/define';
export * from './contract/app';
export * from './contract/settings';
export * from './contract/model';
export * from './contract/connections';
export * from './contract/accounts';
export * from './contract/plan';
export * from './contract/run';
export * from './contract/verify';
export * from './contract/activity';
export * from './contract/exclusions';

export const channels = {
  ...appChannels,
  ...settingsChannels,
  ...connectionsChannels,
  ...accountsChannels,
  ...exclusionsChannels,
  ...planChannels,
  ...runChannels,
  ...verifyChannels,
  ...activityChannels,
} satisfies Record<string, ChannelSpec>;

export const events = {
  ...runEvents,
  ...connectionsEvents,
} satisfies Record<string, EventSpec>;

export type Channels = typeof channels;
export type ChannelName = keyof Channels;
export type RequestOf<C extends ChannelName> = z.input<Channels[C]['request']>;
export type ParsedRequestOf<C extends ChannelName> = z.output<Channels[C]['request']>;
export type ReplyOf<C extends ChannelName> = z.output<Channels[C]['reply']>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayloadOf<E extends EventName> = z.output<Events[E]['payload']>;

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(channels, name);
}

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);
}

/** "accounts.list" -> ["accounts", "list"] */
type DomainOf<C> = C extends `${infer D}.${string}` ? D : never;
type VerbOf<C, D extends string> = C extends `${D}.${infer V}` ? V : never;

/** The shape of window.rekey: one async method per channel, grouped by domain, plus event subscription. */
export type RekeyApi = {
  [D in DomainOf<ChannelName>]: {
    [C in ChannelName as VerbOf<C, D>]: undefined extends RequestOf<C>
      ? (request?: RequestOf<C>) => Promise<ReplyOf<C>>
      : (request: RequestOf<C>) => Promise<ReplyOf<C>>;
  };
} & {
  /** Subscribe to an event stream; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): () => void;
};

/** The IPC channel names used on the wire. One invoke channel per contract channel, prefixed to avoid clashes. */
export const wireChannel = (name: ChannelName): string => `rekey:${name}`;
export const wireEvent = (name: EventName): string => `rekey-event:${name}`;
