// Exclusion sets as files and approval-rule previews over the listing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../preload/contract';
import { exportExclusionSets } from '../../../main/storage/exclusion-sets';
import { FakeClock, makeAccount, ScriptedDirectory } from '../core/fakes';
import { testConsole, type TestConsole } from './support';

const clock = new FakeClock(Date.parse('2026-05-04T09:00:00.000Z'));
const accounts = [
  makeAccount({ directoryId: 'entra:c', login: 'adele@contoso.example', privileged: true, groups: ['Tier 0'] }),
  makeAccount({ directoryId: 'entra:c', login: 'svc-sync@contoso.example' }),
  makeAccount({ directoryId: 'entra:c', login: 'grady@contoso.example', groups: ['Tier 0'] }),
];
const directory = new ScriptedDirectory('entra:c', accounts, undefined, undefined, clock);
let desk: TestConsole;
beforeEach(async () => {
  desk = await testConsole(() => [directory], { clock });
});
afterEach(() => desk.close());

const tierZero = { name: 'Tier 0', description: 'Domain admins', tags: ['tier0'], rules: [{ id: 'tier0-group', type: 'group' as const, group: 'Tier 0' }] };

describe('exclusions.importSets / exportSets', () => {
  it('adds new sets and saves them in settings', () => {
    const result = desk.exclusions.importSets(exportExclusionSets([tierZero], '2026-05-01T00:00:00.000Z'), false);
    expect(result).toEqual({ imported: ['Tier 0'], sets: [...defaultSettings.exclusionSets, tierZero], problems: [] });
    expect(desk.settings.get().exclusionSets.map((s) => s.name)).toContain('Tier 0');
  });

  it('keeps a saved set of the same name unless asked to replace it', () => {
    const changed = { ...defaultSettings.exclusionSets[1]!, description: 'Changed elsewhere' };
    const kept = desk.exclusions.importSets(JSON.stringify([changed]), false);
    expect(kept.imported).toEqual([]);
    expect(kept.problems).toEqual(['A set named "Service accounts" is already saved and was kept; import with "replace existing" to overwrite it.']);
    expect(desk.settings.get().exclusionSets[1]?.description).toBe(defaultSettings.exclusionSets[1]?.description);
    const replaced = desk.exclusions.importSets(JSON.stringify([changed]), true);
    expect(replaced.imported).toEqual(['Service accounts']);
    expect(desk.settings.get().exclusionSets[1]?.description).toBe('Changed elsewhere');
  });

  it('reports a file that is not valid and changes nothing', () => {
    const result = desk.exclusions.importSets('{"format":"rekey-exclusion-sets","version":1,"exportedAt":"x","sets":[{"name":"","tags":[],"rules":[]}]}', true);
    expect(result.imported).toEqual([]);
    expect(result.problems[0]).toMatch(/^The exclusion sets file is not valid: sets\.0\.name/);
    expect(desk.settings.get().exclusionSets).toEqual(defaultSettings.exclusionSets);
    expect(desk.exclusions.importSets('not json', true).problems[0]).toMatch(/^The exclusion sets file is not valid JSON/);
  });

  it('exports all or the named sets in the file format it imports, and refuses an unknown name', () => {
    const file = desk.exclusions.exportSets(['Break-glass']);
    expect(file).toMatchObject({ fileName: 'rekey-exclusion-sets.json', mimeType: 'application/json' });
    expect(JSON.parse(file.content)).toEqual({ format: 'rekey-exclusion-sets', version: 1, exportedAt: '2026-05-04T09:00:00.000Z', sets: [defaultSettings.exclusionSets[0]] });
    expect(JSON.parse(desk.exclusions.exportSets().content).sets).toHaveLength(3);
    expect(() => desk.exclusions.exportSets(['Nope'])).toThrow('No saved exclusion set is called "Nope".');
  });
});

describe('exclusions.previewRule', () => {
  it('counts the listed accounts a rule matches, including by the tag of a saved set, with a sample', async () => {
    desk.exclusions.importSets(JSON.stringify([tierZero]), false);
    const privileged = await desk.exclusions.previewRule({ id: 'p', when: { privileged: true }, decision: 'typed-confirm' });
    expect(privileged).toEqual({ matches: 1, of: 3, sample: [accounts[0]] });
    const tagged = await desk.exclusions.previewRule({ id: 't', when: { tag: 'tier0' }, decision: 'block' });
    expect(tagged.matches).toBe(2);
    expect(tagged.sample.map((a) => a.login)).toEqual(['adele@contoso.example', 'grady@contoso.example']);
    expect((await desk.exclusions.previewRule({ id: 'n', when: { namePattern: 'svc-*' }, decision: 'confirm' })).matches).toBe(1);
  });
});
