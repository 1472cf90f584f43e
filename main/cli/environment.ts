// Builds the flow for a CLI invocation: data directory, settings file,
// journal store, directories (practice ones for --practice, otherwise the
// connections saved by the app in <dataDir>/connections.json), operator name.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Directory } from '../core/domain';
import { systemClock } from '../core/ports';
import { buildSavedDirectory, commandLineRefusal, savedDirectories, type SavedDirectory } from '../console/saved-directories';
import { createRekeyFlow, type RekeyFlow } from '../flow/service';
import { createSampleDirectories, defaultPracticeFaults } from '../practice/sample-directory';
import { fileSampleState } from '../practice/sample-state-file';
import { nodeHasher } from '../storage/hasher';
import { readConnectionsFileSync } from '../storage/connections-file';
import { JournalFileStore } from '../storage/journal-file';
import { readSettings } from '../storage/settings';
import type { Settings } from '../../preload/contract';
import { UsageError, type CliIo } from './io';

export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv): string {
  return path.resolve(flag ?? env.REKEY_DATA_DIR ?? path.join(os.homedir(), '.rekey'));
}

/** Settings the CLI uses: <dataDir>/settings.json when present (same schema as the console), else defaults. */
export function loadCliSettings(dataDir: string): Settings {
  const file = path.join(dataDir, 'settings.json');
  if (!existsSync(file)) return readSettings(undefined);
  try {
    return readSettings(JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`The settings file ${file} is not valid JSON (${(error as Error).message}); fix or delete it.`);
  }
}

/**
 * The practice directories, with state kept under the data directory so
 * practice runs persist between invocations (and across a crash).
 * REKEY_PRACTICE_LATENCY_MS slows them down to watch (or interrupt) a run.
 */
export function practiceDirectories(dataDir: string, env: NodeJS.ProcessEnv): Directory[] {
  const latency = Number(env.REKEY_PRACTICE_LATENCY_MS ?? 0);
  return createSampleDirectories({
    state: fileSampleState(path.join(dataDir, 'practice', 'state.json')),
    faults: defaultPracticeFaults,
    latencyMs: Number.isFinite(latency) && latency > 0 ? latency : 0,
  });
}

/** The directories of the connections the app saved in this data directory (damaged entries are reported on stderr). */
export function connectedDirectories(dataDir: string, io?: Pick<CliIo, 'stderr'>): SavedDirectory[] {
  const { connections, problems } = readConnectionsFileSync(dataDir);
  for (const problem of problems) io?.stderr.write(`rekey: ${problem}\n`);
  return savedDirectories(connections);
}

export function selectDirectories<D extends Pick<Directory, 'id' | 'displayName' | 'kind'>>(all: D[], name: string | undefined, practice: boolean): D[] {
  if (!name) return all;
  const wanted = name.toLowerCase();
  const found = all.filter((d) => d.id.toLowerCase() === wanted || d.displayName.toLowerCase() === wanted || d.kind === wanted);
  if (found.length === 1) return found;
  const known = all.map((d) => `${d.id} ("${d.displayName}")`).join(', ');
  if (found.length > 1) throw new UsageError(`"${name}" matches several directories: ${known}; use the id.`);
  throw new UsageError(
    known
      ? `No directory is called "${name}". Available: ${known}.`
      : `No directory is called "${name}": no directory connection is saved in this data directory (add one in the Rekey app)${practice ? '' : '; use --practice to try the flow on practice directories'}.`,
  );
}

export function operatorName(env: NodeJS.ProcessEnv): string {
  if (env.REKEY_OPERATOR) return env.REKEY_OPERATOR;
  try {
    return os.userInfo().username;
  } catch {
    return 'unknown operator';
  }
}

export interface CliEnvironment {
  dataDir: string;
  flow: RekeyFlow;
  journals: JournalFileStore;
  /** Ids and names of the directories this invocation uses. */
  directories: Array<Pick<Directory, 'id' | 'displayName' | 'kind'>>;
}

/**
 * Directories from saved connections, built on first use. The command line
 * has no "close" step, and a PowerShell process left running would keep it
 * from exiting, so the flow stops the PowerShell sessions whenever no flow
 * call is in flight; the next call starts a new one.
 */
function savedDirectoryFlow(flow: (directories: () => Promise<Directory[]>) => RekeyFlow, chosen: SavedDirectory[], settings: Settings): RekeyFlow {
  let built: Promise<Awaited<ReturnType<typeof buildSavedDirectory>>[]> | null = null;
  const build = () => (built ??= Promise.all(chosen.map((saved) => buildSavedDirectory(saved, { edition: settings.powershellEdition, throttle: settings.pacing.windowsThrottle, clock: systemClock }))));
  const inner = flow(async () => (await build()).map((b) => b.directory));
  let inFlight = 0;
  const release = async () => {
    if (built) await Promise.all((await built).map((b) => b.session.dispose()));
  };
  const tracked =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      inFlight++;
      try {
        return await call(...args);
      } finally {
        if (--inFlight === 0) await release();
      }
    };
  return { ...inner, select: tracked(inner.select), plan: tracked(inner.plan), run: tracked(inner.run), resume: tracked(inner.resume), verifyAgain: tracked(inner.verifyAgain) };
}

export function buildEnvironment(io: CliIo, options: { dataDir?: string; practice: boolean; directory?: string }): CliEnvironment {
  const dataDir = resolveDataDir(options.dataDir, io.env);
  const settings = loadCliSettings(dataDir);
  const journals = new JournalFileStore({ dataDir, hasher: nodeHasher, clock: systemClock });
  const makeFlow = (directories: () => Directory[] | Promise<Directory[]>) =>
    createRekeyFlow({
      directories,
      settings: { get: () => settings },
      journals,
      hasher: nodeHasher,
      clock: systemClock,
      operator: operatorName(io.env),
      practice: options.practice,
    });
  if (options.practice) {
    const directories = selectDirectories(practiceDirectories(dataDir, io.env), options.directory, true);
    return { dataDir, flow: makeFlow(() => directories), journals, directories };
  }
  // Every saved connection when no directory is named, but only those the command line can use.
  const saved = connectedDirectories(dataDir, io);
  const chosen = options.directory ? selectDirectories(saved, options.directory, false) : saved.filter((d) => commandLineRefusal(d, process.platform) === null);
  for (const directory of chosen) {
    const refusal = commandLineRefusal(directory, process.platform);
    if (refusal) throw new Error(refusal);
  }
  return { dataDir, flow: savedDirectoryFlow(makeFlow, chosen, settings), journals, directories: chosen.map(({ id, displayName, kind }) => ({ id, displayName, kind })) };
}
