// Exclusion sets as files, and previews of what a policy rule matches.
import { z } from 'zod';
import { channel } from './define';
import { account } from './model';
import { approvalRule, exclusionSet } from './settings';

export const exclusionsChannels = {
  'exclusions.importSets': channel({
    request: z.object({ json: z.string().min(1).max(5 * 1024 * 1024), replaceExisting: z.boolean() }).strict(),
    reply: z.object({ imported: z.array(z.string()), sets: z.array(exclusionSet), problems: z.array(z.string()) }),
    summary: 'Import exclusion sets from JSON (validated); returns the saved sets.',
  }),
  'exclusions.exportSets': channel({
    request: z.object({ names: z.array(z.string().min(1).max(100)).max(100).optional() }).strict(),
    reply: z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() }),
    summary: 'Export exclusion sets as JSON.',
  }),
  'exclusions.previewRule': channel({
    request: z.object({ rule: approvalRule }).strict(),
    reply: z.object({ matches: z.number().int(), of: z.number().int(), sample: z.array(account).max(50) }),
    summary: 'How many listed accounts an approval rule matches, with a sample.',
  }),
};
