// The dry run: selection + exclusions + approval policy -> an immutable plan.
import { z } from 'zod';
import { channel } from './define';
import { excludedEntry, plan, resetOptions } from './model';

const keys = z.array(z.string().min(1).max(700)).max(200_000);
const directoryIds = z.array(z.string().min(1).max(300)).max(100).optional();

export const planSelection = z.discriminatedUnion('by', [
  /** Accounts picked in the grid. */
  z.object({ by: z.literal('keys'), keys }).strict(),
  z.object({ by: z.literal('search'), search: z.string().trim().min(1).max(400), group: z.string().max(400).optional(), directoryIds }).strict(),
  z.object({ by: z.literal('all'), directoryIds }).strict(),
  z.object({ by: z.literal('csv'), fileName: z.string().trim().min(1).max(260), text: z.string().max(64 * 1024 * 1024) }).strict(),
]);
export type PlanSelection = z.infer<typeof planSelection>;

export const planRequest = z
  .object({
    selection: planSelection,
    /** Names of saved exclusion sets to apply (never-touch rules always apply). */
    exclusionSets: z.array(z.string().min(1).max(100)).max(100),
    options: resetOptions.partial().strict().optional(),
  })
  .strict();
export type PlanRequest = z.infer<typeof planRequest>;

export const exclusionsPreviewRequest = z
  .object({
    keys,
    exclusionSets: z.array(z.string().min(1).max(100)).max(100),
  })
  .strict();

export const exclusionsPreview = z.object({
  selected: z.number().int(),
  excluded: z.array(excludedEntry),
});

export const planExport = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });

export const planChannels = {
  'plan.create': channel({ request: planRequest, reply: plan, summary: 'Make a plan (dry run): steps, warnings, approvals and exclusions per account. Writes nothing.' }),
  'plan.previewExclusions': channel({ request: exclusionsPreviewRequest, reply: exclusionsPreview, summary: 'Which selected accounts the chosen exclusion sets keep out, with the rule and reason.' }),
  'plan.export': channel({ request: z.object({ planId: z.string().min(1).max(200) }).strict(), reply: planExport, summary: 'The plan as a JSON file (the dry-run record).' }),
};
