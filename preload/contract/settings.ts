import { z } from 'zod';
import { channel, noRequest } from './define';

export const themeChoice = z.enum(['system', 'light', 'dark', 'high-contrast']);
export type ThemeChoice = z.infer<typeof themeChoice>;

export const pacingSettings = z.object({
  /** Cap on batches in flight per directory; the directory's own hint wins when lower. */
  maxConcurrency: z.number().int().min(1).max(64),
  /** Fraction of a directory's documented rate limit Rekey may use (be a good citizen). */
  rateShare: z.number().min(0.1).max(1),
  /** Windows remoting: Invoke-Command -ThrottleLimit. */
  windowsThrottle: z.number().int().min(1).max(128),
});

// Exclusion sets and approval rules mirror main/core/domain.ts (ExclusionSet,
// ApprovalRule); main/storage/settings.ts checks at compile time that they agree.

export const directoryKind = z.enum(['entra', 'okta', 'windows']);

const ruleId = z.string().trim().min(1).max(100);
const ruleNote = z.string().max(500).optional();
const accountNames = z.array(z.string().trim().min(1).max(400)).max(10_000);
const pattern = z.string().trim().min(1).max(400);
const rid = z.number().int().min(0).max(0xffffffff);

export const exclusionRule = z.discriminatedUnion('type', [
  z.object({ id: ruleId, note: ruleNote, type: z.literal('accounts'), accounts: accountNames }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('name-pattern'), pattern }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('group'), group: z.string().trim().min(1).max(400) }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('privileged') }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('builtin-rid'), rids: z.array(rid).min(1).max(32) }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('disabled') }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('service-account'), patterns: z.array(pattern).min(1).max(100) }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('never-touch'), accounts: accountNames }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('current-user') }).strict(),
  z.object({ id: ruleId, note: ruleNote, type: z.literal('connection-account') }).strict(),
]);

export const exclusionSet = z
  .object({
    name: z.string().trim().min(1).max(100),
    description: z.string().max(500).optional(),
    tags: z.array(z.string().trim().min(1).max(50)).max(20),
    rules: z.array(exclusionRule).max(200),
  })
  .strict();

function uniqueBy<T>(key: (item: T) => string, what: string) {
  return (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    items.forEach((item, index) => {
      const value = key(item);
      if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [index], message: `${what} "${value}" is used twice; each must be unique.` });
      seen.add(value);
    });
  };
}

export const exclusionSets = z
  .array(exclusionSet)
  .max(100)
  .superRefine(uniqueBy((set: z.infer<typeof exclusionSet>) => set.name, 'The exclusion set name'));

export const approvalDecision = z.enum(['auto', 'confirm', 'typed-confirm', 'block']);

export const approvalRule = z
  .object({
    id: ruleId,
    description: z.string().max(500).optional(),
    when: z
      .object({
        directoryKinds: z.array(directoryKind).max(3).optional(),
        group: z.string().trim().min(1).max(400).optional(),
        privileged: z.boolean().optional(),
        tag: z.string().trim().min(1).max(50).optional(),
        namePattern: pattern.optional(),
        rids: z.array(rid).max(32).optional(),
      })
      .strict(),
    decision: approvalDecision,
  })
  .strict();

export const approvalRules = z
  .array(approvalRule)
  .max(200)
  .superRefine(uniqueBy((rule: z.infer<typeof approvalRule>) => rule.id, 'The approval rule id'));

export const settings = z.object({
  theme: themeChoice,
  powershellEdition: z.enum(['windows-powershell', 'pwsh']),
  pacing: pacingSettings,
  /** Named exclusion sets; "never touch" rules of every set always apply. */
  exclusionSets,
  /** Ordered: the first matching rule decides; none matching means "confirm". */
  approvalRules,
});
export type Settings = z.infer<typeof settings>;

export const defaultSettings: Settings = {
  theme: 'system',
  powershellEdition: 'windows-powershell',
  pacing: { maxConcurrency: 4, rateShare: 0.9, windowsThrottle: 16 },
  exclusionSets: [
    {
      name: 'Break-glass',
      description: 'Emergency access accounts. Never reset, whichever exclusion set is chosen: add their logins here.',
      tags: ['break-glass'],
      rules: [{ id: 'break-glass-never-touch', type: 'never-touch', accounts: [], note: 'emergency access account' }],
    },
    {
      name: 'Service accounts',
      description: 'Accounts that run services: a forced password change stops the service.',
      tags: ['service'],
      rules: [{ id: 'service-account-patterns', type: 'service-account', patterns: ['svc-*', 'svc_*', 'svc.*', '*-svc', '*_svc', 'sa-*', 'srv-*', '*$'] }],
    },
    {
      name: 'Disabled accounts',
      description: 'Skip accounts that are disabled; the flag would only apply once they are enabled.',
      tags: [],
      rules: [{ id: 'skip-disabled', type: 'disabled' }],
    },
  ],
  approvalRules: [
    {
      id: 'privileged-typed-confirm',
      description: 'Privileged accounts need the operator to type the account name.',
      when: { privileged: true },
      decision: 'typed-confirm',
    },
    {
      id: 'builtin-administrator-typed-confirm',
      description: 'The built-in Windows Administrator (RID 500) needs the operator to type the account name.',
      when: { directoryKinds: ['windows'], rids: [500] },
      decision: 'typed-confirm',
    },
  ],
};

/** A partial update: only the named keys change; lists are replaced whole; the result must still be valid settings. */
export const settingsPatch = z
  .object({
    theme: themeChoice.optional(),
    powershellEdition: settings.shape.powershellEdition.optional(),
    pacing: pacingSettings.partial().optional(),
    exclusionSets: exclusionSets.optional(),
    approvalRules: approvalRules.optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsChannels = {
  'settings.get': channel({ request: noRequest, reply: settings, summary: 'Read the saved settings.' }),
  'settings.set': channel({ request: settingsPatch, reply: settings, summary: 'Change some settings; returns the saved result.' }),
};
