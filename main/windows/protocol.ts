// The data contract between Rekey and its PowerShell scripts
// (resources/powershell/*.ps1). Requests and replies are UTF-8 JSON carried as
// base64, so no account name, host name or credential is ever part of the
// PowerShell source Rekey types, and no code page can garble the answer.
//
// Every reply is validated here before the directory trusts it: a script that
// answers in an unexpected shape is a script error, not a silent success.
import { z } from 'zod';

export const scriptNames = ['list', 'reset', 'read-state', 'preflight'] as const;
export type ScriptName = (typeof scriptNames)[number];

/** File name of a script, as shown in evidence. */
export function scriptFile(name: ScriptName): string {
  return `${name}.ps1`;
}

export const protocolVersion = 1;

// --- requests -------------------------------------------------------------------

export interface ResetRequestItem {
  sid: string;
  name: string;
  steps: string[];
}

export interface ReadStateRequestItem {
  sid: string;
  name: string;
}

/** Work for one computer, addressed by the name the computer itself reported when listed. */
export interface HostTarget<Item> {
  computerName: string;
  items: Item[];
}

export type ScriptPayload =
  | { v: 1 }
  | { v: 1; options: { clearNeverExpires: boolean }; targets: HostTarget<ResetRequestItem>[] }
  | { v: 1; targets: HostTarget<ReadStateRequestItem>[] };

/** What Invoke-RekeyScript needs besides the payload: where to run and how to connect. */
export interface RequestEnvelope {
  /** Remote computers; empty means this computer. */
  hosts: string[];
  throttle: number;
  useSsl: boolean;
  port: number | null;
  authentication: string | null;
  useCredential: boolean;
  /** base64 of the script payload JSON. */
  payload: string;
}

// --- replies --------------------------------------------------------------------

const isoOrNull = z.string().nullable();

export const groupRef = z.object({ name: z.string(), sid: z.string() });

export const listedAccount = z.object({
  name: z.string(),
  fullName: z.string(),
  description: z.string(),
  sid: z.string(),
  rid: z.number(),
  enabled: z.boolean(),
  principalSource: z.string(),
  passwordLastSet: isoOrNull,
  passwordExpires: isoOrNull,
  lastLogon: isoOrNull,
  userMayChangePassword: z.boolean(),
  passwordRequired: z.boolean(),
  neverExpires: z.boolean().nullable(),
  passwordExpired: z.boolean().nullable(),
  groups: z.array(groupRef),
  isCurrentUser: z.boolean(),
});
export type ListedAccount = z.infer<typeof listedAccount>;

export const listReply = z.object({
  v: z.literal(1),
  computerName: z.string(),
  remote: z.boolean(),
  callerName: z.string(),
  callerSid: z.string(),
  culture: z.string(),
  accounts: z.array(listedAccount),
  warnings: z.array(z.string()),
});
export type ListReply = z.infer<typeof listReply>;

export const preflightReply = z.object({
  v: z.literal(1),
  computerName: z.string(),
  remote: z.boolean(),
  elevated: z.boolean(),
  edition: z.string(),
  psVersion: z.string(),
  is64BitProcess: z.boolean(),
  is64BitOperatingSystem: z.boolean(),
  localAccounts: z.boolean(),
  callerName: z.string(),
  callerSid: z.string(),
  culture: z.string(),
  osVersion: z.string(),
  problems: z.array(z.string()),
});
export type PreflightReply = z.infer<typeof preflightReply>;

export const scriptStepStatus = z.enum(['done', 'failed', 'skipped', 'not-applicable']);

export const scriptStep = z.object({
  step: z.string(),
  status: scriptStepStatus,
  message: z.string(),
  via: z.string().nullable(),
  detail: z.record(z.string(), z.union([z.number(), z.string(), z.null()])).nullable(),
});
export type ScriptStep = z.infer<typeof scriptStep>;

export const resetReply = z.object({
  v: z.literal(1),
  computerName: z.string(),
  matched: z.boolean(),
  items: z.array(z.object({ sid: z.string(), name: z.string(), steps: z.array(scriptStep) })),
});
export type ResetReply = z.infer<typeof resetReply>;

export const accountState = z.object({
  sid: z.string(),
  name: z.string(),
  found: z.boolean(),
  currentName: z.string().nullable(),
  adsi: z.object({ passwordExpired: z.number(), userFlags: z.number() }).nullable(),
  adsiError: z.string().nullable(),
  localUser: z
    .object({
      enabled: z.boolean(),
      principalSource: z.string(),
      passwordLastSet: isoOrNull,
      passwordExpires: isoOrNull,
      lastLogon: isoOrNull,
    })
    .nullable(),
  localUserError: z.string().nullable(),
  netUser: z.object({ exitCode: z.number(), text: z.string() }).nullable(),
  netUserError: z.string().nullable(),
});
export type AccountStateReply = z.infer<typeof accountState>;

export const readStateReply = z.object({
  v: z.literal(1),
  computerName: z.string(),
  matched: z.boolean(),
  culture: z.string(),
  shortDatePattern: z.string(),
  longTimePattern: z.string(),
  items: z.array(accountState),
});
export type ReadStateReply = z.infer<typeof readStateReply>;

export const replySchemas = {
  list: listReply,
  reset: resetReply,
  'read-state': readStateReply,
  preflight: preflightReply,
} as const;

export type ReplyOf<S extends ScriptName> = z.infer<(typeof replySchemas)[S]>;

/** A host-level failure as Invoke-RekeyScript reports it (from the ErrorRecord). */
export const hostErrorRecord = z.object({
  targetObject: z.string().nullable(),
  originComputer: z.string().nullable(),
  fullyQualifiedErrorId: z.string(),
  category: z.string(),
  reason: z.string(),
  errorCode: z.number().nullable(),
  message: z.string(),
});
export type HostErrorRecord = z.infer<typeof hostErrorRecord>;

export const endStatus = z.object({
  ok: z.boolean(),
  errors: z.array(z.object({ fullyQualifiedErrorId: z.string(), message: z.string() })),
});
export type EndStatus = z.infer<typeof endStatus>;

// --- base64 ---------------------------------------------------------------------

export function toBase64Json(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64');
}

export function fromBase64Text(data: string): string {
  return Buffer.from(data, 'base64').toString('utf8');
}

export function fromBase64Json(data: string): unknown {
  return JSON.parse(fromBase64Text(data));
}

/** The only characters a base64 literal can hold: none of them can end a PowerShell string. */
export const base64Pattern = /^[A-Za-z0-9+/]*={0,2}$/;
