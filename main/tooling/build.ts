// `npm run build`: the three Electron bundles plus the CLI.
//   main/index.ts     -> out/main/index.js      (esbuild, ESM, Node 22, packages stay external)
//   preload/index.ts  -> out/preload/index.cjs  (esbuild, CJS, everything bundled but electron)
//   main/cli/rekey.ts -> out/cli/rekey.js       (esbuild, ESM, executable)
//   renderer/         -> out/renderer/          (Vite + React plugin, relative base)
//
// Why plain Vite + esbuild rather than electron-vite: fewer layers between the
// source and the output, and the practice host (npm run practice, the Chromium
// tests) needs the renderer bundle on a machine without Electron, so the
// renderer build must stand alone: build({ only: ['renderer'] }).
//
// Progress goes to stderr: `npm run practice` reserves stdout for its one URL line.
import { chmod, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { build as esbuild, type BuildOptions as EsbuildOptions } from 'esbuild';
import { build as viteBuild, createLogger } from 'vite';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const bundleNames = ['main', 'preload', 'cli', 'renderer'] as const;
export type BundleName = (typeof bundleNames)[number];

export interface BuildOptions {
  /** Build only these bundles (default: all). The renderer builds alone for the practice host. */
  only?: BundleName[];
  /** Source tree (default: this repository); tests point it at a scratch copy. */
  root?: string;
  /** Output root (default: <root>/out). The renderer lands in <outDir>/renderer. */
  outDir?: string;
  /** 'production' (default) strips sourcemaps from the renderer; 'development' keeps them. */
  mode?: 'production' | 'development';
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
}

/** Where the renderer bundle goes by default (the practice host serves it from here). */
export const defaultRendererOutDir = path.join(repoRoot, 'out', 'renderer');

const entries: Record<Exclude<BundleName, 'renderer'>, string> = {
  main: 'main/index.ts',
  preload: 'preload/index.ts',
  cli: 'main/cli/rekey.ts',
};

export class MissingEntryError extends Error {
  constructor(bundle: BundleName, entry: string) {
    super(`Cannot build the ${bundle} bundle: ${entry} does not exist yet. Build the others with build({ only: [...] }) until it is written.`);
    this.name = 'MissingEntryError';
  }
}

export async function build(options: BuildOptions = {}): Promise<void> {
  const only = options.only ?? [...bundleNames];
  const root = options.root ?? repoRoot;
  const outDir = options.outDir ?? path.join(root, 'out');
  const mode = options.mode ?? 'production';
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));

  // Fail before building anything if an entry is missing, so a half-written tree never yields a half-built out/.
  for (const bundle of only) {
    if (bundle === 'renderer') continue;
    if (!(await exists(path.join(root, entries[bundle])))) throw new MissingEntryError(bundle, entries[bundle]);
  }
  if (only.includes('renderer') && !(await exists(path.join(root, 'renderer', 'index.html')))) {
    throw new MissingEntryError('renderer', 'renderer/index.html');
  }

  for (const bundle of only) {
    log(`building ${bundle}...`);
    if (bundle === 'renderer') await buildRenderer(root, path.join(outDir, 'renderer'), mode);
    else await esbuild(await esbuildOptions(bundle, root, outDir, mode));
    if (bundle === 'cli') await chmod(path.join(outDir, 'cli', 'rekey.js'), 0o755);
  }
  log(`built ${only.join(', ')} into ${outDir}`);
}

async function esbuildOptions(bundle: Exclude<BundleName, 'renderer'>, root: string, outDir: string, mode: 'production' | 'development'): Promise<EsbuildOptions> {
  const common: EsbuildOptions = {
    absWorkingDir: root,
    entryPoints: [entries[bundle]],
    bundle: true,
    sourcemap: true,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': JSON.stringify(mode) },
  };
  switch (bundle) {
    case 'main':
      return { ...common, outfile: path.join(outDir, 'main', 'index.js'), format: 'esm', platform: 'node', target: 'node22', packages: 'external' };
    case 'preload':
      // A sandboxed preload can require only 'electron' (plus polyfilled events/timers/url): zod and the
      // contract must be inside the file. platform 'browser' makes a Node builtin import fail here, at
      // build time, instead of in the sandbox at startup.
      return { ...common, outfile: path.join(outDir, 'preload', 'index.cjs'), format: 'cjs', platform: 'browser', target: 'chrome140', external: ['electron'] };
    case 'cli': {
      // esbuild keeps an entry's own #! line; add one only when the entry has none (two would be a syntax error).
      const hasHashbang = (await readFile(path.join(root, entries.cli), 'utf8')).startsWith('#!');
      return {
        ...common,
        outfile: path.join(outDir, 'cli', 'rekey.js'),
        format: 'esm',
        platform: 'node',
        target: 'node22',
        packages: 'external',
        ...(hasHashbang ? {} : { banner: { js: '#!/usr/bin/env node' } }),
      };
    }
  }
}

async function buildRenderer(root: string, outDir: string, mode: 'production' | 'development'): Promise<void> {
  // Vite's default logger writes to stdout; route it to stderr and keep only warnings.
  const logger = createLogger('warn', { allowClearScreen: false });
  const toStderr = (message: string): void => void process.stderr.write(`${message}\n`);
  logger.info = toStderr;
  logger.warn = toStderr;
  logger.warnOnce = toStderr;
  logger.error = toStderr;

  await viteBuild({
    configFile: false,
    root: path.join(root, 'renderer'),
    base: './',
    mode,
    logLevel: 'warn',
    customLogger: logger,
    plugins: [react()],
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: mode !== 'production',
      // Electron 45 ships Chromium 140; Debian's Chromium is newer.
      target: 'chrome140',
      // Files, not data: URIs, so the CSP stays the same whatever the asset size.
      assetsInlineLimit: 0,
      // The preload polyfill is not needed in Chromium and would add code to every page.
      modulePreload: { polyfill: false },
      reportCompressedSize: false,
      chunkSizeWarningLimit: 4096,
    },
  });
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

function parseOnly(args: string[]): BundleName[] | undefined {
  const names = args.filter((arg) => !arg.startsWith('-'));
  if (names.length === 0) return undefined;
  const unknown = names.filter((name) => !(bundleNames as readonly string[]).includes(name));
  if (unknown.length > 0) throw new Error(`Unknown bundle ${unknown.join(', ')}; choose from ${bundleNames.join(', ')}.`);
  return names as BundleName[];
}

// `tsx main/tooling/build.ts [main|preload|cli|renderer ...] [--dev]`
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  build({ only: parseOnly(args), mode: args.includes('--dev') ? 'development' : 'production' }).catch((error: unknown) => {
    process.stderr.write(`build failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
