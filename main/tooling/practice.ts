// `npm run practice`: the practice console in any browser. Builds the renderer
// if it is missing or older than its sources, starts the practice console (the
// practice tenant connected, served by the practice host), and prints exactly
// one line on stdout, the address to open:
//   Rekey practice console: http://127.0.0.1:PORT/#token=TOKEN
// The token sits in the fragment, which browsers never send to a server.
// Build progress and diagnostics go to stderr, so scripts can read stdout.
// REKEY_PRACTICE_ACCOUNTS sets the size of the practice tenant (default: the
// stand-ins' own seeds, about 560 accounts).
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startPracticeConsole } from '../practice/console';
import { build, defaultRendererOutDir, repoRoot } from './build';

const sourceDirs = ['renderer', 'preload'].map((dir) => path.join(repoRoot, dir));

/** Newest modification time of any file under dir (0 when it does not exist). */
async function newestMtime(dir: string): Promise<number> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  let newest = 0;
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    const mtime = entry.isDirectory() ? await newestMtime(full) : entry.isFile() ? (await stat(full)).mtimeMs : 0;
    newest = Math.max(newest, mtime);
  }
  return newest;
}

export async function rendererIsStale(rendererOutDir = defaultRendererOutDir): Promise<boolean> {
  const built = await stat(path.join(rendererOutDir, 'index.html')).catch(() => null);
  if (!built) return true;
  const sources = await Promise.all(sourceDirs.map(newestMtime));
  return Math.max(...sources) > built.mtimeMs;
}

/** REKEY_PRACTICE_ACCOUNTS, when set: a whole number of accounts. */
export function practiceAccounts(env: NodeJS.ProcessEnv): number | undefined {
  const text = env.REKEY_PRACTICE_ACCOUNTS?.trim();
  if (!text) return undefined;
  const value = Number(text);
  if (!Number.isInteger(value)) throw new Error(`REKEY_PRACTICE_ACCOUNTS must be a whole number of accounts, not "${text}".`);
  return value;
}

async function main(): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (await rendererIsStale()) {
    log('The console bundle is missing or older than its sources; building it.');
    await build({ only: ['renderer'], log });
  }
  const accounts = practiceAccounts(process.env);
  const practice = await startPracticeConsole({
    rendererDir: defaultRendererOutDir,
    ...(accounts !== undefined ? { practiceAccounts: accounts } : {}),
    log: (line) => log(`practice console: ${line}`),
  });
  process.stdout.write(`Rekey practice console: ${practice.url}\n`);

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping the practice console.`);
    practice.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`The practice console did not close cleanly: ${error instanceof Error ? error.message : String(error)}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    process.stderr.write(`The practice console could not start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
