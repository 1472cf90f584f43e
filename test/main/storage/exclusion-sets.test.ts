import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExclusionSet } from '../../../main/core/domain';
import { exportExclusionSets, mergeImportedSets, parseExclusionSets, readExclusionSetsFile, writeExclusionSetsFile } from '../../../main/storage/exclusion-sets';

const sets: ExclusionSet[] = [
  { name: 'Break-glass', tags: ['bg'], rules: [{ id: 'bg', type: 'never-touch', accounts: ['root@contoso.com'] }] },
  { name: 'Finance', description: 'quarter close', tags: [], rules: [{ id: 'fin', type: 'group', group: 'Finance' }, { id: 'adm', type: 'builtin-rid', rids: [500] }] },
];

describe('exclusion sets as JSON', () => {
  it('exports and imports the same sets (file round trip, BOM tolerated)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rekey-sets-'));
    try {
      const file = path.join(dir, 'sets.json');
      await writeExclusionSetsFile(file, sets, '2026-05-04T09:00:00.000Z');
      expect(await readExclusionSetsFile(file)).toEqual(sets);
      expect(parseExclusionSets(`\uFEFF${exportExclusionSets(sets, 'now')}`)).toEqual(sets);
      expect(parseExclusionSets(JSON.stringify(sets))).toEqual(sets);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it.each([
    ['not json', /not valid JSON/],
    ['{"format":"other","version":1,"exportedAt":"x","sets":[]}', /format/],
    [JSON.stringify([{ name: 'A', tags: [], rules: [{ id: 'r', type: 'launch-missiles' }] }]), /rules\.0/],
    [JSON.stringify([{ name: 'A', tags: [], rules: [] }, { name: 'A', tags: [], rules: [] }]), /used twice/],
    [JSON.stringify([{ name: 'A', tags: [], rules: [{ id: 'r', type: 'privileged', extra: 1 }] }]), /not valid/],
  ])('rejects %s with a reason', (text, reason) => {
    expect(() => parseExclusionSets(text)).toThrow(reason);
  });

  it('imported sets replace saved ones of the same name and add the others', () => {
    const imported: ExclusionSet[] = [{ ...sets[1]!, description: 'new' }, { name: 'Contractors', tags: [], rules: [{ id: 'c', type: 'name-pattern', pattern: 'ext-*' }] }];
    const outcome = mergeImportedSets(sets, imported);
    expect(outcome.replaced).toEqual(['Finance']);
    expect(outcome.added).toEqual(['Contractors']);
    expect(outcome.sets.map((s) => [s.name, s.description])).toEqual([
      ['Break-glass', undefined],
      ['Finance', 'new'],
      ['Contractors', undefined],
    ]);
  });
});
