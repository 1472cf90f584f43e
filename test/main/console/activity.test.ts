// The record: runs newest first, the timeline, the journal's hash chain (and
// what a tampered journal looks like), and report exports.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeClock, makeAccount, ScriptedDirectory } from '../core/fakes';
import { testConsole, type TestConsole } from './support';

const clock = new FakeClock(Date.now());
const accounts = [makeAccount({ directoryId: 'entra:c', login: 'adele@contoso.example' }), makeAccount({ directoryId: 'entra:c', login: 'svc-sync@contoso.example' })];
const directory = new ScriptedDirectory('entra:c', accounts, undefined, undefined, clock, undefined, 'Contoso');
let desk: TestConsole;
const runIds: string[] = [];

beforeEach(async () => {
  desk = await testConsole(() => [directory], { clock });
  runIds.length = 0;
  for (const sets of [[], ['Service accounts']]) {
    const plan = await desk.plans.create({ selection: { by: 'all' }, exclusionSets: sets });
    const { runId } = await desk.runs.start(plan.id, plan.entries.map((e) => ({ key: e.key, confirmed: true })));
    await desk.finished(runId);
    runIds.push(runId);
    clock.current += 60_000;
  }
});
afterEach(() => desk.close());

describe('activity', () => {
  it('lists every run newest first with its outcome counts, and the timeline newest first', async () => {
    const runs = await desk.activity.runs();
    expect(runs.map((r) => r.runId)).toEqual([...runIds].reverse());
    expect(runs[0]).toMatchObject({ status: 'finished', planned: 1, excluded: 1, finalStates: { verified: 1, excluded: 1 } });
    const timeline = await desk.activity.timeline();
    expect(timeline[0]).toMatchObject({ runId: runIds[1], kind: 'run-ended', who: 'tester' });
    expect(timeline.filter((t) => t.kind === 'run-started').map((t) => t.runId)).toEqual([...runIds].reverse());
  });

  it('checks the hash chain, and names the record that was edited', async () => {
    expect(await desk.activity.integrity(runIds[0]!)).toMatchObject({ ok: true, finished: true });
    const file = path.join(desk.dataDir, 'runs', `${runIds[0]}.jsonl`);
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('"outcome":"verified"', '"outcome":"failed"'));
    const broken = await desk.activity.integrity(runIds[0]!);
    expect(broken.ok).toBe(false);
    expect(broken).toMatchObject({ ok: false, problem: expect.any(String) });
  });

  it('exports the report as CSV, JSON and HTML, named after the run, excluded accounts with their reason', async () => {
    const runId = runIds[1]!;
    const csv = await desk.activity.export(runId, 'csv');
    expect(csv).toMatchObject({ fileName: `rekey-run-${runId}.csv`, mimeType: 'text/csv;charset=utf-8' });
    expect(csv.content).toContain('adele@contoso.example');
    expect(csv.content).toContain('Excluded by ""Service accounts""');
    const json = await desk.activity.export(runId, 'json');
    expect(json.fileName).toBe(`rekey-run-${runId}.json`);
    expect(JSON.parse(json.content)).toMatchObject({ runId, status: 'finished', counts: { verified: 1, excluded: 1 } });
    const html = await desk.activity.export(runId, 'html');
    expect(html).toMatchObject({ fileName: `rekey-run-${runId}.html`, mimeType: 'text/html;charset=utf-8' });
    expect(html.content).toMatch(/^<!doctype html>/i);
    expect(html.content).toContain(runId);
    expect(html.content).not.toContain('<script');
  });
});
