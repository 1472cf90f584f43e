import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../../main/core/journal';
import { nodeHasher } from '../../../main/storage/hasher';
import { JournalFileStore, readJournalText } from '../../../main/storage/journal-file';
import { FakeClock } from '../core/fakes';

let dataDir: string;
let store: JournalFileStore;
beforeEach(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'rekey-journal-'));
  store = new JournalFileStore({ dataDir, hasher: nodeHasher, clock: new FakeClock() });
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

const started = (runId: string) => ({ type: 'run-started' as const, data: { runId, planId: 'p', operator: 'alice', practice: true } });

describe('journal files', () => {
  it('writes one JSON Lines file per run under <dataDir>/runs, readable and intact', async () => {
    const journal = await store.create('20260504T090000Z-aaaaaa');
    await journal.append([started('20260504T090000Z-aaaaaa')]);
    await journal.append([{ type: 'run-ended', data: { finalStates: {}, cancelled: false } }]);
    await journal.close();
    const file = path.join(dataDir, 'runs', '20260504T090000Z-aaaaaa.jsonl');
    expect(store.pathOf('20260504T090000Z-aaaaaa')).toBe(file);
    const text = await readFile(file, 'utf8');
    expect(text.split('\n').filter(Boolean).length).toBe(2);
    expect(verifyJournal(text, nodeHasher)).toEqual({ ok: true, records: 2, finished: true });
    expect((await store.read('20260504T090000Z-aaaaaa')).map((r) => r.type)).toEqual(['run-started', 'run-ended']);
  });

  it('keeps the chain intact under concurrent appends', async () => {
    const journal = await store.create('r1');
    await Promise.all(Array.from({ length: 30 }, (_, i) => journal.append([{ type: 'account-started', data: { key: `k${i}`, directoryId: 'd', login: 'l', steps: [] } }])));
    await journal.close();
    expect(verifyJournal(await store.readText('r1'), nodeHasher)).toMatchObject({ ok: true, records: 30 });
  });

  it('never reuses a run id and refuses unsafe ones', async () => {
    await (await store.create('r1')).close();
    await expect(store.create('r1')).rejects.toThrow(/never reused/);
    await expect(store.create('../escape')).rejects.toThrow(/not a valid run id/);
  });

  it('reopens a journal after a crash: drops a torn last line and continues the chain', async () => {
    const journal = await store.create('r1');
    await journal.append([started('r1'), { type: 'account-started', data: { key: 'k', directoryId: 'd', login: 'l', steps: [] } }]);
    await journal.close();
    const file = store.pathOf('r1');
    await writeFile(file, `${await readFile(file, 'utf8')}{"seq":3,"at":"2026-05-0`, { flag: 'w' });
    expect(verifyJournal(await readJournalText(file), nodeHasher)).toMatchObject({ ok: false, line: 3 });
    const reopened = await store.reopen('r1');
    await reopened.append([{ type: 'run-ended', data: { finalStates: {}, cancelled: false } }]);
    await reopened.close();
    expect(verifyJournal(await readJournalText(file), nodeHasher)).toEqual({ ok: true, records: 3, finished: true });
  });

  it('refuses further writes once a write failed, so the chain on disk never breaks', async () => {
    const journal = await store.create('r1');
    await journal.append([started('r1')]);
    await journal.close();
    await expect(journal.append([{ type: 'run-ended', data: { finalStates: {}, cancelled: false } }])).rejects.toThrow(/no further results can be recorded/);
    await expect(journal.append([{ type: 'run-ended', data: { finalStates: {}, cancelled: false } }])).rejects.toThrow(/no further results/);
  });

  it('lists runs in start order and reports a missing file clearly', async () => {
    expect(await store.list()).toEqual([]);
    for (const id of ['20260504T100000Z-bbbbbb', '20260504T090000Z-aaaaaa']) await (await store.create(id)).close();
    await writeFile(path.join(dataDir, 'runs', 'notes.txt'), 'x');
    expect(await store.list()).toEqual(['20260504T090000Z-aaaaaa', '20260504T100000Z-bbbbbb']);
    await expect(readJournalText(path.join(dataDir, 'nope.jsonl'))).rejects.toThrow(/No journal file at/);
  });

  it('lets one writer at a time hold a run, across processes, and takes over a crashed writer\'s lock', async () => {
    const journal = await store.create('r1');
    const lock = path.join(dataDir, 'runs', 'r1.lock');
    expect(await readFile(lock, 'utf8')).toBe(String(process.pid));
    await expect(store.reopen('r1')).rejects.toThrow(/already open for writing in this process/);
    await journal.close();
    expect(existsSync(lock)).toBe(false);

    // A live process holds it: refused, naming the pid.
    await writeFile(lock, String(process.ppid));
    await expect(store.reopen('r1')).rejects.toThrow(new RegExp(`another Rekey process \\(pid ${process.ppid}\\)`));
    // A dead process held it: taken over.
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    await writeFile(lock, String(dead));
    const reopened = await store.reopen('r1');
    await reopened.close();
    expect(existsSync(lock)).toBe(false);
  });
});
