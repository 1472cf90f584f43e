// Run reports: one row per account (excluded ones included, with their
// reason), rendered as CSV, JSON or a self-contained printable HTML page
// (inline CSS and SVG, no script, every value escaped). Pure strings.
import type { FinalState, StepKind } from './domain';
import { accountLabel } from './labels';
import { finalStateOf, type RunState } from './run-state';

export type ReportState = FinalState | 'pending';

export interface ReportRow {
  directory: string;
  directoryId: string;
  accountId: string;
  login: string;
  displayName: string;
  finalState: ReportState;
  /** "force-change: done; end-sessions: done". */
  steps: string;
  approval: string;
  /** Why the account ended where it did: exclusion rule, refusal, failure messages, verification findings. */
  reason: string;
  warnings: string;
  verifiedAt: string;
}

export interface RunReport {
  runId: string;
  operator: string;
  practice: boolean;
  startedAt: string;
  endedAt: string | null;
  status: 'finished' | 'cancelled' | 'unfinished';
  selection: string;
  exclusionSets: string[];
  options: string;
  counts: Partial<Record<ReportState, number>>;
  selectionProblems: Array<{ line: number | null; reason: string; message: string }>;
  rows: ReportRow[];
}

export const stateLabels: Record<ReportState, string> = {
  verified: 'Verified',
  'not-verified': 'Not verified',
  'could-not-verify': 'Could not verify',
  failed: 'Failed',
  cancelled: 'Cancelled',
  'nothing-to-do': 'Nothing to do',
  'not-approved': 'Not approved',
  blocked: 'Blocked',
  excluded: 'Excluded',
  pending: 'Pending',
};

const stateOrder = Object.keys(stateLabels) as ReportState[];

const stateColours: Record<ReportState, string> = {
  verified: '#107c10',
  'not-verified': '#c50f1f',
  'could-not-verify': '#bc4b09',
  failed: '#a4262c',
  cancelled: '#8a8886',
  'nothing-to-do': '#605e5c',
  'not-approved': '#8764b8',
  blocked: '#5c2e91',
  excluded: '#0078d4',
  pending: '#c19c00',
};

const stepOrder: StepKind[] = ['clear-never-expires', 'force-change', 'end-sessions'];

export function buildRunReport(run: RunState): RunReport {
  const directoryName = new Map(run.plan.directories.map((d) => [d.id, d.displayName]));
  const rows: ReportRow[] = [];
  const counts: Partial<Record<ReportState, number>> = {};
  const ordered = [...run.plan.entries.map((e) => e.key), ...run.plan.excluded.map((e) => e.key)];
  for (const key of ordered) {
    const state = run.accounts.get(key);
    if (!state) continue;
    const account = state.entry?.account ?? state.excluded?.account;
    if (!account) continue;
    const finalState = finalStateOf(run, state);
    counts[finalState] = (counts[finalState] ?? 0) + 1;
    const steps = stepOrder.flatMap((kind) => {
      const result = state.steps.get(kind);
      return result ? [`${kind}: ${result.status}`] : [];
    });
    const reasons: string[] = [];
    if (state.excluded) reasons.push(state.excluded.exclusion.reason);
    if (state.approval && !state.approval.granted) reasons.push(state.approval.reason);
    for (const result of state.steps.values()) if (result.status === 'failed' || result.status === 'cancelled') reasons.push(`${result.step}: ${result.message}`);
    if (state.outcomeVia === 'resume-reread') reasons.push('Found already reset when the interrupted run was resumed.');
    if (state.verify && state.verify.outcome !== 'verified') reasons.push(...state.verify.reasons);
    if (finalState === 'nothing-to-do') reasons.push(...(state.entry?.steps ?? []).filter((s) => !s.applicable).map((s) => `${s.step}: ${s.description}`));
    let approval = '';
    if (state.approval?.granted) {
      const grant = state.approval.grant;
      approval = `${grant.decision}${grant.typed ? ' (name typed)' : ''} by ${grant.by} at ${grant.at}`;
    } else if (state.entry) approval = `${state.entry.approval.decision} required`;
    rows.push({
      directory: directoryName.get(account.directoryId) ?? account.directoryId,
      directoryId: account.directoryId,
      accountId: account.id,
      login: accountLabel(account),
      displayName: account.displayName,
      finalState,
      steps: steps.join('; '),
      approval,
      reason: reasons.join(' '),
      warnings: (state.entry?.warnings ?? []).map((w) => w.message).join(' '),
      verifiedAt: state.verify?.state.checkedAt ?? '',
    });
  }
  const o = run.plan.options;
  const options = [
    o.clearNeverExpires && 'clear "password never expires"',
    (o.forceChange || o.forceChangeWithMfa) && `force password change${o.forceChangeWithMfa ? ' (with MFA)' : ''}`,
    o.endSessions && `end sessions${o.revokeOAuthTokens ? ' and OAuth tokens' : ''}`,
  ].filter(Boolean) as string[];
  return {
    runId: run.runId,
    operator: run.operator,
    practice: run.practice,
    startedAt: run.startedAt,
    endedAt: run.ended?.at ?? null,
    status: run.ended ? (run.ended.cancelled ? 'cancelled' : 'finished') : 'unfinished',
    selection: run.plan.selection,
    exclusionSets: [...run.plan.exclusionSets],
    options: options.join(', '),
    counts,
    selectionProblems: run.plan.selectionProblems.map((p) => ({ ...p })),
    rows,
  };
}

// ---------------------------------------------------------------------------
// CSV

const csvColumns: Array<[keyof ReportRow, string]> = [
  ['directory', 'Directory'],
  ['login', 'Login'],
  ['displayName', 'Display name'],
  ['accountId', 'Account id'],
  ['finalState', 'Final state'],
  ['steps', 'Steps'],
  ['approval', 'Approval'],
  ['reason', 'Reason'],
  ['warnings', 'Warnings'],
  ['verifiedAt', 'Verified at'],
];

/** RFC 4180 quoting; a leading = + - @ is neutralised so a spreadsheet never runs a cell as a formula. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function reportToCsv(report: RunReport): string {
  const lines = [csvColumns.map(([, title]) => csvCell(title)).join(',')];
  for (const row of report.rows) lines.push(csvColumns.map(([key]) => csvCell(key === 'finalState' ? stateLabels[row.finalState] : row[key])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

export function reportToJson(report: RunReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

// ---------------------------------------------------------------------------
// HTML

export function escapeHtml(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** A horizontal bar per final state, drawn as inline SVG so the report needs nothing but itself. */
export function summaryChartSvg(counts: Partial<Record<ReportState, number>>): string {
  const entries = stateOrder.filter((s) => (counts[s] ?? 0) > 0).map((s) => [s, counts[s] as number] as const);
  const max = Math.max(1, ...entries.map(([, n]) => n));
  const rowHeight = 26;
  const labelWidth = 140;
  const barWidth = 320;
  const height = Math.max(1, entries.length) * rowHeight + 8;
  const bars = entries
    .map(([state, n], i) => {
      const y = 4 + i * rowHeight;
      const width = Math.max(2, Math.round((n / max) * barWidth));
      return (
        `<text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end">${escapeHtml(stateLabels[state])}</text>` +
        `<rect x="${labelWidth}" y="${y + 3}" width="${width}" height="18" rx="2" fill="${stateColours[state]}"><title>${escapeHtml(`${stateLabels[state]}: ${n}`)}</title></rect>` +
        `<text x="${labelWidth + width + 6}" y="${y + 16}">${n}</text>`
      );
    })
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Accounts by final state" width="${labelWidth + barWidth + 60}" height="${height}" viewBox="0 0 ${labelWidth + barWidth + 60} ${height}" font-family="Segoe UI, sans-serif" font-size="13">${bars}</svg>`;
}

const css = `
body{font-family:"Segoe UI",system-ui,sans-serif;color:#242424;margin:24px;}
h1{font-size:22px;margin:0 0 4px}h2{font-size:16px;margin:24px 0 8px}
.meta{color:#616161;margin:0 0 16px}dl{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:0}
dt{font-weight:600}dd{margin:0}table{border-collapse:collapse;width:100%;font-size:12px}
th,td{border:1px solid #d1d1d1;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f5f5f5}
.state,.steps{white-space:nowrap}.state{font-weight:600}.badge{display:inline-block;padding:2px 8px;border-radius:10px;background:#fde7e9;color:#a4262c;font-weight:600}
@media print{body{margin:0}tr{break-inside:avoid}}`;

export function reportToHtml(report: RunReport): string {
  const title = `Rekey run ${report.runId}`;
  const rows = report.rows
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.directory)}</td><td>${escapeHtml(row.login)}</td><td>${escapeHtml(row.displayName)}</td>` +
        `<td class="state" style="color:${stateColours[row.finalState]}">${escapeHtml(stateLabels[row.finalState])}</td>` +
        `<td class="steps">${row.steps.split('; ').map(escapeHtml).join('<br>')}</td><td>${escapeHtml(row.approval)}</td><td>${escapeHtml(row.reason)}</td><td>${escapeHtml(row.warnings)}</td></tr>`,
    )
    .join('\n');
  const problems = report.selectionProblems.length
    ? `<h2>Selection problems (${report.selectionProblems.length})</h2><table><thead><tr><th>Line</th><th>Reason</th><th>Message</th></tr></thead><tbody>${report.selectionProblems
        .map((p) => `<tr><td>${escapeHtml(p.line ?? '')}</td><td>${escapeHtml(p.reason)}</td><td>${escapeHtml(p.message)}</td></tr>`)
        .join('')}</tbody></table>`
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title><style>${css}</style></head>
<body>
<h1>${escapeHtml(title)}${report.practice ? ' <span class="badge">Practice</span>' : ''}</h1>
<p class="meta">${escapeHtml(`Started ${report.startedAt} by ${report.operator}; ${report.endedAt ? `ended ${report.endedAt}` : 'not finished'} (${report.status}).`)}</p>
<dl><dt>Selection</dt><dd>${escapeHtml(report.selection)}</dd><dt>Exclusion sets</dt><dd>${escapeHtml(report.exclusionSets.join(', ') || 'built-in protections only')}</dd><dt>Actions</dt><dd>${escapeHtml(report.options)}</dd><dt>Accounts</dt><dd>${report.rows.length}</dd></dl>
<h2>Summary</h2>
${summaryChartSvg(report.counts)}
<h2>Accounts</h2>
<table><thead><tr><th>Directory</th><th>Login</th><th>Name</th><th>Final state</th><th>Steps</th><th>Approval</th><th>Reason</th><th>Warnings</th></tr></thead>
<tbody>
${rows}
</tbody></table>
${problems}
</body></html>
`;
}
