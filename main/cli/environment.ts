// Builds the flow for a CLI invocation: data directory, settings file,
// journal store, directories (practice ones for --practice), operator name.
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Directory } from '../core/domain';
import { systemClock } from '../core/ports';
import { createRekeyFlow, type RekeyFlow } from '../flow/service';
import { createSampleDirectories, defaultPracticeFaults } from '../practice/sample-directory';
import { fileSampleState } from '../practice/sample-state-file';
import { nodeHasher } from '../storage/hasher';
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

/**
 * Directories outside practice mode. Connections to real tenants, orgs and
 * hosts are configured in the console; until they are stored where the CLI
 * can read them, the CLI reaches practice directories only.
 */
export function connectedDirectories(): Directory[] {
  return [];
}

export function selectDirectories(all: Directory[], name: string | undefined, practice: boolean): Directory[] {
  if (!name) return all;
  const wanted = name.toLowerCase();
  const found = all.filter((d) => d.id.toLowerCase() === wanted || d.displayName.toLowerCase() === wanted || d.kind === wanted);
  if (found.length === 1) return found;
  const known = all.map((d) => `${d.id} ("${d.displayName}")`).join(', ');
  if (found.length > 1) throw new UsageError(`"${name}" matches several directories: ${known}; use the id.`);
  throw new UsageError(
    known
      ? `No directory is called "${name}". Available: ${known}.`
      : `No directory is called "${name}": no directory connection is configured for the command line yet${practice ? '' : '; use --practice to try the flow on practice directories'}.`,
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
  directories: Directory[];
}

export function buildEnvironment(io: CliIo, options: { dataDir?: string; practice: boolean; directory?: string }): CliEnvironment {
  const dataDir = resolveDataDir(options.dataDir, io.env);
  const settings = loadCliSettings(dataDir);
  const all = options.practice ? practiceDirectories(dataDir, io.env) : connectedDirectories();
  const directories = selectDirectories(all, options.directory, options.practice);
  const journals = new JournalFileStore({ dataDir, hasher: nodeHasher, clock: systemClock });
  const flow = createRekeyFlow({
    directories: () => directories,
    settings: { get: () => settings },
    journals,
    hasher: nodeHasher,
    clock: systemClock,
    operator: operatorName(io.env),
    practice: options.practice,
  });
  return { dataDir, flow, journals, directories };
}
