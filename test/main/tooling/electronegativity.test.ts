import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContentSecurityPolicy, main, stageSources } from '../../../main/tooling/electronegativity';
import { contentSecurityPolicy } from '../../../main/security/csp';

describe('checkContentSecurityPolicy', () => {
  it("passes Rekey's policy", () => {
    expect(checkContentSecurityPolicy(contentSecurityPolicy()).problems).toEqual([]);
  });

  it('fails a policy that allows eval or inline script', () => {
    expect(checkContentSecurityPolicy("default-src 'self'; script-src 'self' 'unsafe-eval' 'unsafe-inline'").problems.length).toBeGreaterThan(0);
  });
});

describe('electronegativity gate', () => {
  let root: string;
  beforeAll(async () => {
    // A miniature app with a classic mistake: a window with Node in the page and no sandbox.
    root = await mkdtemp(path.join(os.tmpdir(), 'rekey-eng-'));
    await mkdir(path.join(root, 'main'), { recursive: true });
    await mkdir(path.join(root, 'test'), { recursive: true });
    await writeFile(path.join(root, 'package.json'), JSON.stringify({ name: 'fixture', devDependencies: { electron: '^45.4.1' } }));
    await writeFile(
      path.join(root, 'main', 'index.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'export function open(): BrowserWindow[] {',
        "  const first = new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false } });",
        "  const second = new BrowserWindow({ webPreferences: { contextIsolation: false, sandbox: false } }); /* eng-disable SANDBOX_JS_CHECK: fixture */",
        '  return [first, second];',
        '}',
      ].join('\n'),
    );
    await writeFile(path.join(root, 'test', 'ignored.ts'), 'eval("1")');
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stages only the shipped folders and package.json', async () => {
    const stage = await stageSources(root);
    try {
      await expect(readFile(path.join(stage, 'main', 'index.ts'), 'utf8')).resolves.toContain('BrowserWindow');
      await expect(readFile(path.join(stage, 'package.json'), 'utf8')).resolves.toContain('fixture');
      await expect(readFile(path.join(stage, 'test', 'ignored.ts'), 'utf8')).rejects.toThrow();
    } finally {
      await rm(stage, { recursive: true, force: true });
    }
  });

  it('fails on HIGH/MEDIUM findings, names them, and honours an eng-disable annotation on its line', async () => {
    const lines: string[] = [];
    const code = await main(root, (line) => lines.push(line));
    const output = lines.join('\n');
    expect(code).toBe(1);
    expect(output).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK main\/index\.ts:3/);
    expect(output).toMatch(/MEDIUM\s+SANDBOX_JS_CHECK main\/index\.ts:3/);
    expect(output).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(output).toMatch(/PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
    expect(output).toMatch(/^Failed: /m);
    // Line 4 disables the sandbox check only: that one is gone, the others remain.
    expect(output).toMatch(/HIGH\s+CONTEXT_ISOLATION_JS_CHECK main\/index\.ts:4/);
    expect(output).not.toMatch(/SANDBOX_JS_CHECK main\/index\.ts:4/);
  });
});
