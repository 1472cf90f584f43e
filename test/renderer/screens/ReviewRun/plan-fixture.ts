// Small plans for the Review & run unit tests, shaped exactly as plan.create replies.
import type { PlanDto } from '../../../../preload/contract';

type Entry = PlanDto['entries'][number];
type Decision = Entry['approval']['decision'];

export interface EntrySpec {
  login: string;
  directoryId?: string;
  kind?: Entry['account']['kind'];
  decision?: Decision;
  host?: string;
  warnings?: Entry['warnings'];
  steps?: Array<Entry['steps'][number]['step']>;
  displayName?: string;
}

export function planEntry(spec: EntrySpec): Entry {
  const directoryId = spec.directoryId ?? 'entra-practice';
  const kind = spec.kind ?? 'entra';
  const steps = spec.steps ?? ['force-change', 'end-sessions'];
  return {
    key: `${directoryId}|${spec.login}`,
    account: {
      directoryId,
      kind,
      id: spec.login,
      login: spec.login,
      displayName: spec.displayName ?? spec.login.split('@')[0] ?? spec.login,
      enabled: true,
      privileged: spec.decision === 'typed-confirm',
      groups: [],
      attributes: spec.host ? { host: spec.host } : {},
    },
    steps: (['clear-never-expires', 'force-change', 'end-sessions'] as const).map((step) => ({ step, applicable: steps.includes(step), description: step })),
    warnings: spec.warnings ?? [],
    approval: { decision: spec.decision ?? 'confirm', ruleId: null, reason: spec.decision === 'block' ? 'Break-glass accounts are never reset.' : 'No approval rule matched: the operator confirms.' },
    tags: [],
  };
}

export function planOf(specs: EntrySpec[], extra: Partial<PlanDto> = {}): PlanDto {
  const entries = specs.map(planEntry);
  const byDirectory: PlanDto['summary']['byDirectory'] = {};
  for (const entry of entries) {
    const counts = (byDirectory[entry.account.directoryId] ??= { planned: 0, excluded: 0 });
    counts.planned++;
  }
  const byDecision = { auto: 0, confirm: 0, 'typed-confirm': 0, block: 0 };
  for (const entry of entries) byDecision[entry.approval.decision]++;
  return {
    version: 1,
    id: 'plan-1',
    createdAt: '2026-11-21T14:00:00.000Z',
    createdBy: 'practice',
    options: { forceChange: true, forceChangeWithMfa: false, endSessions: true, revokeOAuthTokens: true, forgetDevices: false, clearNeverExpires: true },
    selection: `${entries.length} accounts picked in the grid`,
    selectionProblems: [],
    exclusionSets: [],
    directories: [
      { id: 'entra-practice', kind: 'entra', displayName: 'Contoso (Entra ID)', capabilities: { forceChange: true, forceChangeWithMfa: true, endSessions: true, readsSessionRevocation: true, clearNeverExpires: false } },
      { id: 'okta-practice', kind: 'okta', displayName: 'Contoso (Okta)', capabilities: { forceChange: true, forceChangeWithMfa: false, endSessions: true, readsSessionRevocation: false, clearNeverExpires: false } },
      { id: 'windows-practice', kind: 'windows', displayName: 'Windows hosts', capabilities: { forceChange: true, forceChangeWithMfa: false, endSessions: false, readsSessionRevocation: false, clearNeverExpires: true } },
    ],
    entries,
    excluded: [],
    summary: { selected: entries.length, excluded: 0, planned: entries.length, withWork: entries.length, selectionProblems: 0, byDecision, byDirectory, byStep: { 'clear-never-expires': 0, 'force-change': entries.length, 'end-sessions': entries.length }, byWarning: {} },
    ...extra,
  };
}
