import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ELECTRON_UNAVAILABLE, launchUntilReady, locateElectronBinary, start, type Launcher, type LaunchOutcome } from '../../../main/tooling/start';

function launcher(overrides: Partial<Launcher> = {}) {
  const said: string[] = [];
  const details: string[] = [];
  const l = {
    runBuild: vi.fn(async () => 0),
    locateElectron: vi.fn(async (): Promise<string | null> => '/opt/electron/electron'),
    launchElectron: vi.fn(async (): Promise<LaunchOutcome> => ({ started: true, exitCode: 0 })),
    runPractice: vi.fn(async () => 0),
    say: (line: string) => said.push(line),
    detail: (text: string) => details.push(text),
    ...overrides,
  };
  return { l, said, details };
}

describe('start (decision logic)', () => {
  it('launches Electron after a good build and never mentions the practice console', async () => {
    const { l, said } = launcher();
    expect(await start(l)).toBe(0);
    expect(l.launchElectron).toHaveBeenCalledWith('/opt/electron/electron');
    expect(l.runPractice).not.toHaveBeenCalled();
    expect(said).toEqual([]);
  });

  it("returns Electron's exit code once it ran", async () => {
    const { l } = launcher({ launchElectron: vi.fn(async (): Promise<LaunchOutcome> => ({ started: true, exitCode: 3 })) });
    expect(await start(l)).toBe(3);
  });

  it('falls back to the practice console with exactly one sentence when the binary cannot be obtained', async () => {
    const { l, said } = launcher({ locateElectron: vi.fn(async () => null) });
    expect(await start(l)).toBe(0);
    expect(said).toEqual([ELECTRON_UNAVAILABLE]);
    expect(l.launchElectron).not.toHaveBeenCalled();
    expect(l.runPractice).toHaveBeenCalledTimes(1);
  });

  it('falls back when the binary exists but cannot start, keeping the details out of sight', async () => {
    const { l, said, details } = launcher({
      launchElectron: vi.fn(async (): Promise<LaunchOutcome> => ({ started: false, details: 'error while loading shared libraries: libnss3.so' })),
    });
    await start(l);
    expect(said).toEqual([ELECTRON_UNAVAILABLE]);
    expect(details).toEqual(['error while loading shared libraries: libnss3.so']);
    expect(l.runPractice).toHaveBeenCalledTimes(1);
  });

  it('treats a throwing locator or launcher like a missing binary (no stack trace)', async () => {
    const boom = async (): Promise<never> => {
      throw new Error('Electron failed to install correctly');
    };
    for (const overrides of [{ locateElectron: vi.fn(boom) }, { launchElectron: vi.fn(boom) }]) {
      const { l, said } = launcher(overrides);
      expect(await start(l)).toBe(0);
      expect(said).toEqual([ELECTRON_UNAVAILABLE]);
      expect(said.join('')).not.toMatch(/\n\s+at /);
    }
  });

  it('stops after a failed build, without Electron or the practice console', async () => {
    const { l, said } = launcher({ runBuild: vi.fn(async () => 2) });
    expect(await start(l)).toBe(2);
    expect(l.locateElectron).not.toHaveBeenCalled();
    expect(l.runPractice).not.toHaveBeenCalled();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/build failed/);
  });

  it("returns the practice console's exit code", async () => {
    const { l } = launcher({ locateElectron: vi.fn(async () => null), runPractice: vi.fn(async () => 7) });
    expect(await start(l)).toBe(7);
  });

  it('the fallback sentence is one sentence', () => {
    expect(ELECTRON_UNAVAILABLE.split(/[.!?](\s|$)/).filter((part) => part.trim().length > 1)).toHaveLength(1);
  });
});

describe('real launcher pieces (with Node scripts standing in for Electron)', () => {
  let dir: string;
  const script = async (name: string, body: string) => {
    const file = path.join(dir, name);
    await writeFile(file, body);
    return file;
  };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rekey-start-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('reports started, with the exit code, once the ready line appears', async () => {
    const file = await script('ready.cjs', "console.log('rekey:ready'); process.exitCode = 4;");
    expect(await launchUntilReady(process.execPath, [file])).toEqual({ started: true, exitCode: 4 });
  });

  it('reports not started, with the held-back output, when the process dies before the ready line', async () => {
    const file = await script('dies.cjs', "console.error('Missing X server or $DISPLAY'); process.exit(1);");
    const outcome = await launchUntilReady(process.execPath, [file]);
    expect(outcome).toEqual({ started: false, details: expect.stringContaining('Missing X server') });
  });

  it('reports not started when the binary does not exist', async () => {
    const outcome = await launchUntilReady(path.join(dir, 'no-such-electron'), []);
    expect(outcome.started).toBe(false);
  });

  it('locates the binary from the probe output only when the file exists', async () => {
    const existing = await script('electron-binary', '');
    const found = await script('found.cjs', `console.log('Downloading Electron binary...'); process.stdout.write(${JSON.stringify(`\n${existing}`)});`);
    expect(await locateElectronBinary({ command: process.execPath, args: [found] })).toBe(existing);
    const missing = await script('missing.cjs', `process.stdout.write(${JSON.stringify(path.join(dir, 'nope'))});`);
    expect(await locateElectronBinary({ command: process.execPath, args: [missing] })).toBeNull();
    const failing = await script('failing.cjs', "console.error(new Error('Electron failed to install correctly').stack); process.exit(1);");
    expect(await locateElectronBinary({ command: process.execPath, args: [failing] })).toBeNull();
  });
});
