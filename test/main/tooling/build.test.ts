import { mkdir, mkdtemp, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, MissingEntryError, repoRoot } from '../../../main/tooling/build';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(tmpdir(), 'rekey-build-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('build', () => {
  it('names the missing entry file instead of building half of out/', async () => {
    const root = path.join(scratch, 'empty-tree');
    await mkdir(path.join(root, 'preload'), { recursive: true });
    await writeFile(path.join(root, 'preload', 'index.ts'), 'export {};\n');
    const attempt = build({ root, only: ['preload', 'main'], log: () => {} });
    await expect(attempt).rejects.toBeInstanceOf(MissingEntryError);
    await expect(attempt).rejects.toThrow('Cannot build the main bundle: main/index.ts does not exist yet.');
    await expect(stat(path.join(root, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('bundles the preload as CommonJS that requires nothing but electron (a sandboxed preload can load nothing else)', async () => {
    const root = path.join(scratch, 'preload-tree');
    await mkdir(path.join(root, 'preload'), { recursive: true });
    await writeFile(
      path.join(root, 'preload', 'index.ts'),
      [
        "import { contextBridge } from 'electron';",
        "import { z } from 'zod';",
        "contextBridge.exposeInMainWorld('probe', { ok: z.string().parse('yes') });",
      ].join('\n'),
    );
    // Resolve zod from this repository's node_modules.
    await writeFile(path.join(root, 'package.json'), '{"type":"module"}');
    await mkdir(path.join(root, 'node_modules'), { recursive: true });
    await symlink(path.join(repoRoot, 'node_modules', 'zod'), path.join(root, 'node_modules', 'zod'));

    await build({ root, only: ['preload'], log: () => {} });
    const bundle = await readFile(path.join(root, 'out', 'preload', 'index.cjs'), 'utf8');
    const required = [...bundle.matchAll(/require\("([^"]+)"\)/g)].map((match) => match[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
    expect(bundle).toContain('exposeInMainWorld');
    expect(bundle).not.toMatch(/^import /m);

    // A Node builtin cannot load in the sandbox, so the build refuses it.
    await writeFile(path.join(root, 'preload', 'index.ts'), "import { join } from 'node:path';\nexport const joined = join('a', 'b');\n");
    await expect(build({ root, only: ['preload'], log: () => {} })).rejects.toThrow(/node:path/);
  });

  it('writes the CLI as an executable with exactly one #! line', async () => {
    const root = path.join(scratch, 'cli-tree');
    await mkdir(path.join(root, 'main', 'cli'), { recursive: true });
    await writeFile(path.join(root, 'main', 'cli', 'rekey.ts'), '#!/usr/bin/env node\nconsole.log("rekey");\n');
    await build({ root, only: ['cli'], log: () => {} });
    const file = path.join(root, 'out', 'cli', 'rekey.js');
    const text = await readFile(file, 'utf8');
    expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(text.match(/^#!/gm)).toHaveLength(1);
    expect((await stat(file)).mode & 0o111).not.toBe(0);
  });
});
