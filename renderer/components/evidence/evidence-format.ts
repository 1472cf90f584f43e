// Pure helpers behind EvidenceList: how one piece of evidence reads in the
// console. Kept apart from the component so the wording is unit-tested.
import type { z } from 'zod';
import type { evidence } from '../../../preload/contract';

export type Evidence = z.infer<typeof evidence>;

const evidenceTimeFormat = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

/** "14:02:07" — evidence needs seconds: several calls often land in the same minute. */
export function formatEvidenceTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso || '—' : evidenceTimeFormat.format(date);
}

/** The path and query of a URL ("/v1.0/users/42?$select=id"); the host is the same for every call to one directory. */
export function urlPath(url: string): string {
  try {
    const parsed = new URL(url);
    return `${decodeURIComponent(parsed.pathname)}${parsed.search}`;
  } catch {
    return url;
  }
}

/** The host part of a URL, or null when the URL is already relative. */
export function urlHost(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

/** "200 OK"-style wording of an HTTP status, as a tone for the status icon. */
export function httpStatusTone(status: number): 'good' | 'bad' | 'neutral' {
  if (status >= 200 && status < 300) return 'good';
  if (status >= 400 || status === 0) return 'bad';
  return 'neutral';
}

/** "Exit status 0" / "Exit status 1" / "Exit status: Failed"; tone good only for 0 or a success word. */
export function exitStatusText(exitStatus: number | string): string {
  return typeof exitStatus === 'number' ? `Exit status ${exitStatus}` : `Exit status: ${exitStatus}`;
}

export function exitStatusTone(exitStatus: number | string): 'good' | 'bad' {
  if (typeof exitStatus === 'number') return exitStatus === 0 ? 'good' : 'bad';
  return /^(0|ok|success|succeeded|completed|true)$/i.test(exitStatus.trim()) ? 'good' : 'bad';
}

/** One line per evidence item, for the list's accessible name and for copy-to-clipboard of the summary. */
export function evidenceSummary(item: Evidence): string {
  switch (item.kind) {
    case 'http':
      return `${item.method.toUpperCase()} ${urlPath(item.url)} → ${item.status}`;
    case 'powershell':
      return `${item.script} on ${item.host}: ${exitStatusText(item.exitStatus).toLowerCase()}`;
    case 'note':
      return item.text;
  }
}

/** The label/value rows shown for an HTTP call, leaving out what the directory did not send. */
export function httpFacts(item: Extract<Evidence, { kind: 'http' }>): Array<{ label: string; value: string }> {
  const facts: Array<{ label: string; value: string }> = [];
  const host = urlHost(item.url);
  if (host) facts.push({ label: 'Host', value: host });
  if (item.requestId) facts.push({ label: 'Request id', value: item.requestId });
  if (item.clientRequestId) facts.push({ label: 'Client request id', value: item.clientRequestId });
  if (item.errorCode) facts.push({ label: 'Error code', value: item.errorCode });
  if (item.errorId) facts.push({ label: 'Error id', value: item.errorId });
  facts.push({ label: 'Time', value: formatEvidenceTime(item.at) });
  return facts;
}
