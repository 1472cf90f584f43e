import { z } from 'zod';
import { channel, noRequest } from './define';

export const appInfo = z.object({
  name: z.literal('Rekey'),
  version: z.string(),
  platform: z.enum(['win32', 'darwin', 'linux', 'other']),
  /** Whether the process runs with administrator rights (needed for the local SAM). */
  elevated: z.boolean(),
  /** True in the practice console: no real account can be touched. */
  practice: z.boolean(),
  /** "electron" inside the desktop app, "practice-bridge" in a browser through the practice host. */
  host: z.enum(['electron', 'practice-bridge']),
});
export type AppInfo = z.infer<typeof appInfo>;

export const restartResult = z.object({ restarting: z.boolean(), message: z.string() });

export const appChannels = {
  'app.info': channel({ request: noRequest, reply: appInfo, summary: 'Version, platform, elevation and practice mode.' }),
  'app.restartElevated': channel({
    request: noRequest,
    reply: restartResult,
    summary: 'Start Rekey again as administrator (Windows asks for consent); this instance quits only if that worked.',
  }),
};
