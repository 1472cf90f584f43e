import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { builtinProtections, defaultServiceAccountPatterns } from '../../../main/core/exclusions';
import { defaultApprovalRules } from '../../../main/core/policy';
import { mergeSettings, memorySettingsStore, readSettings } from '../../../main/storage/settings';
import { defaultSettings, settings as settingsSchema, settingsPatch } from '../../../preload/contract';

describe('settings: exclusion sets and approval rules', () => {
  it('defaults are valid and agree with core', () => {
    expect(settingsSchema.parse(defaultSettings)).toEqual(defaultSettings);
    expect(defaultSettings.approvalRules).toEqual(defaultApprovalRules);
    const service = defaultSettings.exclusionSets.find((s) => s.name === 'Service accounts')!.rules[0]!;
    expect(service).toMatchObject({ type: 'service-account', patterns: defaultServiceAccountPatterns });
    expect(defaultSettings.exclusionSets.some((s) => s.rules.some((r) => r.type === 'never-touch'))).toBe(true);
    // The built-in protections are core's, always on, and not a saved set.
    expect(defaultSettings.exclusionSets.some((s) => s.name === builtinProtections.name)).toBe(false);
  });

  it('a patch replaces the lists whole and must stay valid', () => {
    const store = memorySettingsStore();
    const next = store.set({ approvalRules: [{ id: 'vip', when: { tag: 'vip' }, decision: 'block' }] });
    expect(next.approvalRules).toEqual([{ id: 'vip', when: { tag: 'vip' }, decision: 'block' }]);
    expect(next.exclusionSets).toEqual(defaultSettings.exclusionSets);
    expect(() => mergeSettings(next, { exclusionSets: [{ name: 'A', tags: [], rules: [] }, { name: 'A', tags: [], rules: [] }] })).toThrow(/used twice/);
    expect(settingsPatch.safeParse({ approvalRules: [{ id: 'x', when: { colour: 'red' }, decision: 'auto' }] }).success).toBe(false);
  });

  it('a hand-edited file keeps its valid parts and drops only the broken items', () => {
    const stored = {
      ...defaultSettings,
      theme: 'purple',
      exclusionSets: [{ name: 'Good', tags: [], rules: [{ id: 'd', type: 'disabled' }] }, { name: 'Bad', tags: [], rules: [{ id: 'x', type: 'nope' }] }, { name: 'Good', tags: [], rules: [] }],
      approvalRules: 'not a list',
    };
    const read = readSettings(stored);
    expect(read.theme).toBe(defaultSettings.theme);
    expect(read.exclusionSets).toEqual([{ name: 'Good', tags: [], rules: [{ id: 'd', type: 'disabled' }] }]);
    expect(read.approvalRules).toEqual(defaultSettings.approvalRules);
    expect(readSettings({ theme: 'dark' })).toMatchObject({ theme: 'dark', exclusionSets: defaultSettings.exclusionSets });
  });

  it('still converts to the JSON Schema electron-store validates the file with', () => {
    const schema = z.toJSONSchema(settingsSchema) as { required: string[] };
    expect(schema.required).toEqual(expect.arrayContaining(['exclusionSets', 'approvalRules']));
  });
});
