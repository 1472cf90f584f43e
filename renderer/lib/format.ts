// How times, durations and counts read in the console. Times are shown in
// the operator's local time zone; the journal and reports keep ISO UTC.
const timeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "14:02" */
export function formatTime(iso: string | null | undefined): string {
  const date = parse(iso);
  return date ? timeFormat.format(date) : '—';
}

/** "21 Nov 2026, 14:02" */
export function formatDateTime(iso: string | null | undefined, never = 'Never'): string {
  if (iso === null) return never;
  const date = parse(iso);
  return date ? dateTimeFormat.format(date) : '—';
}

/** "1 h 4 min", "35 s" */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms)) return '—';
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** "1 account", "3 accounts" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
