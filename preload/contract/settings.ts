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

export const settings = z.object({
  theme: themeChoice,
  powershellEdition: z.enum(['windows-powershell', 'pwsh']),
  pacing: pacingSettings,
});
export type Settings = z.infer<typeof settings>;

export const defaultSettings: Settings = {
  theme: 'system',
  powershellEdition: 'windows-powershell',
  pacing: { maxConcurrency: 4, rateShare: 0.9, windowsThrottle: 16 },
};

/** A partial update: only the named keys change; the result must still be valid settings. */
export const settingsPatch = z
  .object({
    theme: themeChoice.optional(),
    powershellEdition: settings.shape.powershellEdition.optional(),
    pacing: pacingSettings.partial().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsChannels = {
  'settings.get': channel({ request: noRequest, reply: settings, summary: 'Read the saved settings.' }),
  'settings.set': channel({ request: settingsPatch, reply: settings, summary: 'Change some settings; returns the saved result.' }),
};
