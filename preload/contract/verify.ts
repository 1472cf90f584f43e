// The helpdesk view: look one account up, re-read it, say what holds.
import { z } from 'zod';
import { channel } from './define';
import { account, verifiedState, verifyResult } from './model';

export const lookupRequest = z
  .object({
    /** Login, UPN, SAM name or display name. */
    name: z.string().trim().min(1).max(400),
    directoryIds: z.array(z.string().min(1).max(300)).max(100).optional(),
    /** Windows: only this host. */
    host: z.string().trim().min(1).max(300).optional(),
  })
  .strict();

/** One plain-words finding: "Must change password at next sign-in: Yes — checked 14:02 via ADSI". */
export const finding = z.object({
  label: z.string(),
  value: z.string(),
  tone: z.enum(['good', 'bad', 'neutral', 'unknown']),
  detail: z.string().optional(),
});

export const lookupResult = z.object({
  matches: z.array(z.object({ account, state: verifiedState, findings: z.array(finding) })),
  /** Directories that were searched and how that went. */
  searched: z.array(z.object({ directoryId: z.string(), displayName: z.string(), matched: z.number().int(), error: z.string().optional() })),
});

export const netUserExplanation = z.object({
  language: z.string(),
  userName: z.string().nullable(),
  findings: z.array(finding),
  /** What net user output cannot prove, said plainly. */
  caveats: z.array(z.string()),
  /** Labels that were not understood, so nothing is hidden. */
  unrecognised: z.array(z.string()),
});

export const verifyChannels = {
  'verify.lookup': channel({ request: lookupRequest, reply: lookupResult, summary: 'Find an account by name in the connected directories and re-read its reset state.' }),
  'verify.again': channel({
    request: z.object({ runId: z.string().min(1).max(200), keys: z.array(z.string().max(700)).max(200_000).optional() }).strict(),
    reply: z.array(verifyResult),
    summary: 'Re-read the accounts of a run (Entra revocation can take minutes); journaled.',
  }),
  'verify.explainNetUser': channel({
    request: z.object({ text: z.string().min(1).max(200_000) }).strict(),
    reply: netUserExplanation,
    summary: 'Explain pasted `net user NAME` output from a machine Rekey cannot reach.',
  }),
};
