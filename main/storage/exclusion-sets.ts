// Exclusion sets as a JSON file an admin can keep in version control or hand
// to a colleague. Imports are validated with the same zod schema as settings.
import { readFile, writeFile } from 'node:fs/promises';
import { z } from 'zod';
import { exclusionSets as exclusionSetsSchema } from '../../preload/contract';
import type { ExclusionSet } from '../core/domain';

export const EXCLUSION_SETS_FORMAT = 'rekey-exclusion-sets';

const exclusionSetsFile = z
  .object({
    format: z.literal(EXCLUSION_SETS_FORMAT),
    version: z.literal(1),
    exportedAt: z.string(),
    sets: exclusionSetsSchema,
  })
  .strict();

export function exportExclusionSets(sets: readonly ExclusionSet[], exportedAt: string): string {
  return `${JSON.stringify({ format: EXCLUSION_SETS_FORMAT, version: 1, exportedAt, sets }, null, 2)}\n`;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : '(top level)'}: ${issue.message}`)
    .join('; ');
}

/** Parse an exported file (or a bare array of sets). Throws a sentence naming what is wrong. */
export function parseExclusionSets(text: string): ExclusionSet[] {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`The exclusion sets file is not valid JSON: ${(error as Error).message}`);
  }
  if (Array.isArray(json)) {
    const sets = exclusionSetsSchema.safeParse(json);
    if (!sets.success) throw new Error(`The exclusion sets are not valid: ${describeIssues(sets.error)}.`);
    return sets.data;
  }
  const file = exclusionSetsFile.safeParse(json);
  if (!file.success) throw new Error(`The exclusion sets file is not valid: ${describeIssues(file.error)}.`);
  return file.data.sets;
}

export interface ImportOutcome {
  sets: ExclusionSet[];
  added: string[];
  replaced: string[];
}

/** Imported sets replace saved sets of the same name; others are added at the end. */
export function mergeImportedSets(saved: readonly ExclusionSet[], imported: readonly ExclusionSet[]): ImportOutcome {
  const sets = [...saved];
  const added: string[] = [];
  const replaced: string[] = [];
  for (const set of imported) {
    const index = sets.findIndex((s) => s.name === set.name);
    if (index === -1) {
      sets.push(set);
      added.push(set.name);
    } else {
      sets[index] = set;
      replaced.push(set.name);
    }
  }
  return { sets, added, replaced };
}

export async function readExclusionSetsFile(file: string): Promise<ExclusionSet[]> {
  return parseExclusionSets(await readFile(file, 'utf8'));
}

export async function writeExclusionSetsFile(file: string, sets: readonly ExclusionSet[], exportedAt: string): Promise<void> {
  await writeFile(file, exportExclusionSets(sets, exportedAt), { encoding: 'utf8', mode: 0o600 });
}
