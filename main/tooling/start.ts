// `npm start`: build, then launch the Electron app; where Electron cannot run
// (its binary downloads on first launch, and some machines have no internet),
// say so in one sentence and start the practice console in the browser
// instead. A newcomer running `npm start` must never be left with a stack
// trace, so every failure below ends in a sentence and an exit code.
import { spawn, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const ELECTRON_UNAVAILABLE =
  'The Electron binary is not available on this machine (it downloads on first launch and this machine has no internet), so Rekey is starting the practice console in your browser instead.';

/** The line main/index.ts prints once its window exists (when REKEY_REPORT_READY=1). */
export const READY_LINE = 'rekey:ready';

export type LaunchOutcome = { started: true; exitCode: number } | { started: false; details: string };

/** Everything start() does to the outside world, injectable so the decision logic is testable. */
export interface Launcher {
  runBuild(): Promise<number>;
  /** Absolute path of the Electron binary, or null when it cannot be obtained. */
  locateElectron(): Promise<string | null>;
  launchElectron(binary: string): Promise<LaunchOutcome>;
  runPractice(): Promise<number>;
  say(line: string): void;
  /** Diagnostic details, shown only with REKEY_DEV=1. */
  detail(text: string): void;
}

export async function start(launcher: Launcher): Promise<number> {
  const built = await launcher.runBuild().catch(() => 1);
  if (built !== 0) {
    launcher.say('Rekey was not started because the build failed; the messages above say why.');
    return built;
  }

  const binary = await launcher.locateElectron().catch(() => null);
  if (binary !== null) {
    const outcome = await launcher
      .launchElectron(binary)
      .catch((error: unknown): LaunchOutcome => ({ started: false, details: error instanceof Error ? error.message : String(error) }));
    if (outcome.started) return outcome.exitCode;
    launcher.detail(outcome.details);
  }

  launcher.say(ELECTRON_UNAVAILABLE);
  return launcher.runPractice().catch(() => 1);
}

// ---------------------------------------------------------------------------
// The real launcher.

/** The environment for child processes: ELECTRON_RUN_AS_NODE would turn Electron into plain Node. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function tsxCli(): string {
  // Same as `npx tsx`, without a shell: tsx's CLI run by this Node.
  return createRequire(import.meta.url).resolve('tsx/cli');
}

/** Run a command with inherited stdio; resolves with its exit code (1 when it could not run). */
export function runInherited(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'inherit', cwd: repoRoot, env: childEnv(), ...options });
    child.once('error', () => resolve(1));
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/**
 * Ask the electron package for its binary in a child Node, with output
 * captured: require('electron') downloads the binary when it is missing and
 * prints the download's stack trace when that fails. Resolves with the path
 * when it exists, else null.
 */
export function locateElectronBinary(
  probe: { command: string; args: string[] } = { command: process.execPath, args: ['-e', "process.stdout.write('\\n' + require('electron'))"] },
): Promise<string | null> {
  return new Promise((resolve) => {
    let stdout = '';
    const child = spawn(probe.command, probe.args, { cwd: repoRoot, env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, windowsHide: true });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr?.resume();
    child.once('error', () => resolve(null));
    child.once('close', (code) => {
      const candidate = stdout.split(/\r?\n/).filter((line) => line.trim() !== '').pop()?.trim();
      resolve(code === 0 && candidate && path.isAbsolute(candidate) && existsSync(candidate) ? candidate : null);
    });
  });
}

/**
 * Start Electron and wait for main/index.ts to report its window. Until then
 * Electron's output is held back: if it dies first (missing libraries, no
 * display), the held output is diagnostic detail, not something a newcomer
 * should read. After the ready line, output flows through as usual.
 */
export function launchUntilReady(command: string, args: string[]): Promise<LaunchOutcome> {
  return new Promise((resolve) => {
    let ready = false;
    let held = '';
    let pendingStdout = '';
    const child = spawn(command, args, { cwd: repoRoot, env: childEnv({ REKEY_REPORT_READY: '1' }), stdio: ['inherit', 'pipe', 'pipe'] });
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      if (ready) return void process.stdout.write(chunk);
      pendingStdout += chunk;
      const lines = pendingStdout.split('\n');
      pendingStdout = lines.pop() ?? '';
      for (const line of lines) {
        if (!ready && line.trim() === READY_LINE) {
          ready = true;
          continue;
        }
        if (ready) process.stdout.write(`${line}\n`);
        else held += `${line}\n`;
      }
      if (ready && pendingStdout) {
        process.stdout.write(pendingStdout);
        pendingStdout = '';
      }
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (ready) process.stderr.write(chunk);
      else held += chunk;
    });
    child.once('error', (error) => resolve({ started: false, details: error.message }));
    child.once('close', (code, signal) => {
      if (ready) resolve({ started: true, exitCode: code ?? (signal ? 1 : 0) });
      else resolve({ started: false, details: `${held}${pendingStdout}`.trim() || `Electron exited (${code ?? signal}) before opening its window.` });
    });
  });
}

export function realLauncher(): Launcher {
  const verbose = process.env.REKEY_DEV === '1';
  return {
    runBuild: () => runInherited(process.execPath, [tsxCli(), 'main/tooling/build.ts']),
    locateElectron: () => locateElectronBinary(),
    launchElectron: (binary) => launchUntilReady(binary, [repoRoot]),
    runPractice: () => runInherited(process.execPath, [tsxCli(), 'main/tooling/practice.ts']),
    say: (line) => console.log(line),
    detail: (text) => {
      if (verbose && text) console.error(text);
    },
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  start(realLauncher()).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.log(`Rekey could not start: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
