// The settings service: validation and merge rules shared by the Electron
// implementation (electron-store, main/storage/electron-settings.ts) and the
// practice host (memory). Every write is validated against the contract's
// schema, so a bad value can never be saved.
import type { z } from 'zod';
import {
  approvalRule as approvalRuleSchema,
  defaultSettings,
  exclusionSet as exclusionSetSchema,
  settings as settingsSchema,
  type Settings,
  type SettingsPatch,
} from '../../preload/contract';
import type { ApprovalRule, ExclusionSet } from '../core/domain';

// Compile-time check: the contract's schemas describe exactly the core's
// types, in both directions, so settings can be handed to core unconverted.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchCore: [Same<z.infer<typeof exclusionSetSchema>, ExclusionSet>, Same<z.infer<typeof approvalRuleSchema>, ApprovalRule>] = [true, true];
void schemasMatchCore;

export interface SettingsStore {
  get(): Settings;
  set(patch: SettingsPatch): Settings;
}

export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const next = {
    ...current,
    ...(patch.theme !== undefined ? { theme: patch.theme } : {}),
    ...(patch.powershellEdition !== undefined ? { powershellEdition: patch.powershellEdition } : {}),
    ...(patch.exclusionSets !== undefined ? { exclusionSets: patch.exclusionSets } : {}),
    ...(patch.approvalRules !== undefined ? { approvalRules: patch.approvalRules } : {}),
    pacing: { ...current.pacing, ...(patch.pacing ?? {}) },
  };
  return settingsSchema.parse(next);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Keep the valid, uniquely named items of a hand-edited list; null when the value is not a list at all. */
function salvageList<T>(value: unknown, item: z.ZodType<T>, key: (t: T) => string): T[] | null {
  if (!Array.isArray(value)) return null;
  const seen = new Set<string>();
  const kept: T[] = [];
  for (const candidate of value) {
    const parsed = item.safeParse(candidate);
    if (!parsed.success || seen.has(key(parsed.data))) continue;
    seen.add(key(parsed.data));
    kept.push(parsed.data);
  }
  return kept;
}

/** Read a stored value, falling back to defaults for anything missing or invalid (a hand-edited file must not brick the app). */
export function readSettings(stored: unknown): Settings {
  const parsed = settingsSchema.safeParse(stored);
  if (parsed.success) return parsed.data;
  const partial = isRecord(stored) ? stored : {};
  const field = <K extends keyof Settings>(key: K, candidate: unknown): Settings[K] => {
    const result = settingsSchema.shape[key].safeParse(candidate);
    return result.success ? (result.data as Settings[K]) : structuredClone(defaultSettings[key]);
  };
  const merged: Settings = {
    theme: field('theme', partial.theme),
    powershellEdition: field('powershellEdition', partial.powershellEdition),
    pacing: field('pacing', { ...defaultSettings.pacing, ...(isRecord(partial.pacing) ? partial.pacing : {}) }),
    exclusionSets:
      salvageList(partial.exclusionSets, exclusionSetSchema, (s) => s.name) ?? structuredClone(defaultSettings.exclusionSets),
    approvalRules: salvageList(partial.approvalRules, approvalRuleSchema, (r) => r.id) ?? structuredClone(defaultSettings.approvalRules),
  };
  const retry = settingsSchema.safeParse(merged);
  return retry.success ? retry.data : structuredClone(defaultSettings);
}

export function memorySettingsStore(initial: Settings = structuredClone(defaultSettings)): SettingsStore {
  let current = initial;
  return {
    get: () => current,
    set: (patch) => {
      current = mergeSettings(current, patch);
      return current;
    },
  };
}
