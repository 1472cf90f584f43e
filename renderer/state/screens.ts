// The console's screens, in the order of the flow: pick accounts, review the
// plan and run it, verify, look back; plus where directories are connected and
// the settings.
export const screenIds = ['accounts', 'review', 'verify', 'activity', 'connections', 'settings'] as const;
export type ScreenId = (typeof screenIds)[number];

export const screenTitles: Record<ScreenId, string> = {
  accounts: 'Accounts',
  review: 'Review & run',
  verify: 'Verify',
  activity: 'Activity',
  connections: 'Connections',
  settings: 'Settings',
};

export function isScreenId(value: unknown): value is ScreenId {
  return typeof value === 'string' && (screenIds as readonly string[]).includes(value);
}
