// The whole console flow through the real dispatcher and handler table, on a
// real practice console (Graph stand-in + MSAL, Okta stand-in + Okta SDK,
// simulated Windows computers): page the accounts, plan about 200 of them
// across the three directories, run with typed confirmations for the
// privileged ones, follow the run's events to the end, then read the run,
// export its report and check its journal.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccountDto, AccountsPage, ChannelName, EventName, PlanDto, ReplyOf, RequestOf, RunEventDto, RunView } from '../../../preload/contract';
import { createHandlers } from '../../../main/handlers';
import { createDispatcher, type CallContext, type Dispatcher } from '../../../main/ipc/dispatch';
import { startPracticeConsole, type PracticeConsole } from '../../../main/practice/console';
import { practiceAppInfo } from '../../../main/practice/host';

let workDir: string;
let practice: PracticeConsole;
let dispatcher: Dispatcher;
const events: Array<{ name: EventName; payload: unknown }> = [];
const ctx: CallContext = { transport: 'practice-bridge', operator: 'practice' };

async function call<C extends ChannelName>(channel: C, request: RequestOf<C>): Promise<ReplyOf<C>> {
  const envelope = await dispatcher.dispatch(channel, request, ctx, true);
  if (!envelope.ok) throw new Error(`${channel} failed: ${envelope.error.code}: ${envelope.error.message}`);
  return envelope.value as ReplyOf<C>;
}

beforeAll(async () => {
  workDir = await mkdtemp(path.join(tmpdir(), 'rekey-handlers-flow-'));
  await writeFile(path.join(workDir, 'index.html'), '<!doctype html><title>console</title>');
  practice = await startPracticeConsole({ rendererDir: workDir, onEvent: (name, payload) => events.push({ name, payload }) });
  dispatcher = createDispatcher(createHandlers({ settings: practice.services.settings, appInfo: practiceAppInfo, console: practice.services }));
}, 60_000);

afterAll(async () => {
  await practice?.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('the console flow through the dispatcher', () => {
  const accounts: AccountDto[] = [];
  let plan: PlanDto;
  let runId: string;

  it('lists the practice connection and pages through every practice account', async () => {
    const [connection] = await call('connections.list', undefined);
    expect(connection).toMatchObject({ id: 'practice', kind: 'practice', status: 'connected', practice: true });

    let page: AccountsPage;
    let offset = 0;
    let snapshotId: string | null = null;
    do {
      page = await call('accounts.list', { offset, limit: 100 });
      snapshotId ??= page.snapshotId;
      expect(page.snapshotId).toBe(snapshotId);
      accounts.push(...page.accounts);
      offset += page.accounts.length;
    } while (page.loading || offset < page.total);
    expect(accounts).toHaveLength(page.total);
    expect(page.directories.map((d) => [d.displayName, d.state])).toEqual([
      ['Contoso (practice Entra)', 'listed'],
      ['Fabrikam (practice Okta)', 'listed'],
      ['Practice Windows hosts', 'listed'],
    ]);
    expect(new Set(accounts.map((a) => `${a.directoryId}|${a.id}`)).size).toBe(accounts.length);
    expect(page.directories.find((d) => d.directoryId === 'windows:practice-hosts')?.message).toContain('LONDON-KIOSK3 could not be reached over WinRM');
  });

  it('plans about 200 accounts picked across the three directories', async () => {
    const pick = (directoryId: string, n: number) => accounts.filter((a) => a.directoryId === directoryId).slice(0, n);
    const picked = [...pick('entra:contoso.onmicrosoft.com', 95), ...pick('okta:fabrikam-practice', 95), ...pick('windows:practice-hosts', 15)];
    expect(picked.length).toBeGreaterThanOrEqual(200);
    plan = await call('plan.create', { selection: { by: 'keys', keys: picked.map((a) => `${a.directoryId}|${a.id}`) }, exclusionSets: ['Service accounts'] });
    expect(plan.summary.selected).toBe(picked.length);
    expect(plan.summary.planned + plan.summary.excluded).toBe(picked.length);
    expect(plan.directories.map((d) => d.id).sort()).toEqual(['entra:contoso.onmicrosoft.com', 'okta:fabrikam-practice', 'windows:practice-hosts']);
    expect(plan.summary.byDecision['typed-confirm']).toBeGreaterThan(0);
    const exported = await call('plan.export', { planId: plan.id });
    expect(JSON.parse(exported.content).id).toBe(plan.id);
  });

  it('runs the plan with typed confirmations and follows its events to run-finished', async () => {
    const answers = plan.entries.flatMap((entry): Array<{ key: string; confirmed?: boolean; typedText?: string }> => {
      if (entry.approval.decision === 'typed-confirm') return [{ key: entry.key, typedText: entry.account.login }];
      if (entry.approval.decision === 'confirm') return [{ key: entry.key, confirmed: true }];
      return [];
    });
    ({ runId } = await call('run.start', { planId: plan.id, answers }));
    const runEvents = () => events.filter((e) => e.name === 'run.event').map((e) => e.payload as RunEventDto).filter((e) => e.runId === runId);
    for (let i = 0; i < 600 && !runEvents().some((e) => e.type === 'run-finished'); i++) await new Promise((r) => setTimeout(r, 50));
    const seen = runEvents();
    expect(seen[0]?.type).toBe('run-started');
    expect(seen.at(-1)?.type).toBe('run-finished');
    expect(seen.some((e) => e.type === 'progress')).toBe(true);
    const withWork = plan.entries.filter((e) => e.steps.some((s) => s.applicable)).length;
    expect(seen.filter((e) => e.type === 'verify-finished')).toHaveLength(withWork);
    const finished = seen.at(-1) as Extract<RunEventDto, { type: 'run-finished' }>;
    expect(finished.cancelled).toBe(false);
    expect(finished.finalStates.verified).toBe(withWork);
  }, 60_000);

  it('shows every planned account with its final state, every account with work verified', async () => {
    const view: RunView = await call('run.view', { runId });
    expect(view.active).toBe(false);
    expect(view.summary).toMatchObject({ runId, status: 'finished', practice: true, operator: 'practice' });
    expect(view.accounts).toHaveLength(plan.entries.length + plan.excluded.length);
    expect(view.accounts.some((a) => a.state === 'pending')).toBe(false);
    const planned = new Map(plan.entries.map((e) => [e.key, e]));
    for (const account of view.accounts) {
      const entry = planned.get(account.key);
      if (!entry) expect(account.state).toBe('excluded');
      else if (entry.steps.some((s) => s.applicable)) expect([account.login, account.state]).toEqual([account.login, 'verified']);
      else expect(account.state).toBe('nothing-to-do');
    }
    expect(await call('run.unfinished', undefined)).toEqual([]);
  });

  it('exports the run as printable HTML and finds its journal intact', async () => {
    const html = await call('activity.export', { runId, format: 'html' });
    expect(html.fileName).toBe(`rekey-run-${runId}.html`);
    expect(html.content).toContain(runId);
    expect(html.content).toContain(plan.entries[0]!.account.login);
    expect(await call('activity.integrity', { runId })).toMatchObject({ ok: true, finished: true });
    const runs = await call('activity.runs', undefined);
    expect(runs[0]).toMatchObject({ runId, practice: true });
  });

  it('looks an account up and says whether its reset holds', async () => {
    const entry = plan.entries.find((e) => e.account.kind === 'entra' && e.steps.some((s) => s.step === 'force-change' && s.applicable));
    const result = await call('verify.lookup', { name: entry!.account.login });
    const match = result.matches.find((m) => m.account.id === entry!.account.id);
    expect(match?.findings.find((f) => f.label === 'Must change password at next sign-in')?.value).toMatch(/^Yes — checked \d\d:\d\d via Graph$/);
    expect(result.searched.map((s) => s.displayName)).toEqual(['Contoso (practice Entra)', 'Fabrikam (practice Okta)', 'Practice Windows hosts']);
  });

  it('refuses a request outside the contract before any handler runs', async () => {
    const reply = await dispatcher.dispatch('accounts.list', { offset: 0, limit: 0 }, ctx, true);
    expect(reply).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
