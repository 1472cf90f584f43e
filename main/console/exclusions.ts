// exclusions.* : exclusion sets as files (validated on import), and how many
// listed accounts an approval rule would match, with a sample. Works on the
// listing snapshot: no directory is called for a preview.
import type { Account, ApprovalRule, ExclusionSet } from '../core/domain';
import { tagsFor } from '../core/exclusions';
import { approvalMatches } from '../core/policy';
import { exportExclusionSets, parseExclusionSets } from '../storage/exclusion-sets';
import type { SettingsStore } from '../storage/settings';
import type { AccountsSnapshots } from './accounts-snapshot';

const sampleSize = 50;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class ExclusionsService {
  constructor(
    private readonly settings: SettingsStore,
    private readonly snapshots: AccountsSnapshots,
    private readonly now: () => number,
  ) {}

  /**
   * Import sets from a file. With replaceExisting, a set named like a saved
   * one replaces it; without, the saved one is kept and the clash reported.
   * A file that cannot be read is reported, and nothing changes.
   */
  importSets(json: string, replaceExisting: boolean): { imported: string[]; sets: ExclusionSet[]; problems: string[] } {
    const saved = this.settings.get().exclusionSets;
    let incoming: ExclusionSet[];
    try {
      incoming = parseExclusionSets(json);
    } catch (error) {
      return { imported: [], sets: saved, problems: [errorText(error)] };
    }
    const problems: string[] = [];
    const sets = [...saved];
    const imported: string[] = [];
    for (const set of incoming) {
      const index = sets.findIndex((s) => s.name === set.name);
      if (index >= 0 && !replaceExisting) {
        problems.push(`A set named "${set.name}" is already saved and was kept; import with "replace existing" to overwrite it.`);
        continue;
      }
      if (index >= 0) sets[index] = set;
      else sets.push(set);
      imported.push(set.name);
    }
    if (imported.length === 0) return { imported, sets: saved, problems };
    try {
      return { imported, sets: this.settings.set({ exclusionSets: sets }).exclusionSets, problems };
    } catch (error) {
      return { imported: [], sets: saved, problems: [...problems, `The sets were not saved: ${errorText(error)}`] };
    }
  }

  exportSets(names?: string[]): { fileName: string; mimeType: string; content: string } {
    const saved = this.settings.get().exclusionSets;
    const unknown = (names ?? []).filter((name) => !saved.some((s) => s.name === name));
    if (unknown.length > 0) throw new Error(`No saved exclusion set is called ${unknown.map((n) => `"${n}"`).join(', ')}.`);
    const sets = names && names.length > 0 ? saved.filter((s) => names.includes(s.name)) : saved;
    return { fileName: 'rekey-exclusion-sets.json', mimeType: 'application/json', content: exportExclusionSets(sets, new Date(this.now()).toISOString()) };
  }

  /** Over the whole listing (waits for it to finish): the count, and the first matches as a sample. */
  async previewRule(rule: ApprovalRule): Promise<{ matches: number; of: number; sample: Account[] }> {
    const snapshot = await this.snapshots.complete();
    const savedSets = this.settings.get().exclusionSets;
    const needsTags = rule.when.tag !== undefined;
    let matches = 0;
    const sample: Account[] = [];
    for (const account of snapshot.accounts) {
      if (!approvalMatches(rule.when, account, needsTags ? tagsFor(account, savedSets) : [])) continue;
      matches++;
      if (sample.length < sampleSize) sample.push(account);
    }
    return { matches, of: snapshot.accounts.length, sample };
  }
}
