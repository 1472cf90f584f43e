// The practice console: the console services of the desktop app, wired to the
// practice tenant (Contoso in Entra, Fabrikam in Okta, simulated Windows
// computers) and served to a browser by the practice host. Settings and
// secrets stay in memory; run journals go to a data folder (a temporary one,
// removed on close, unless one is given). Nothing real can be touched.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { memorySecretStore } from '../core/ports';
import { createConsoleServices, type ConsoleEmit, type ConsoleServices } from '../console';
import { PRACTICE_CONNECTION_ID } from '../console/connection-kinds/practice';
import { createHandlers } from '../handlers';
import { memoryConnections } from '../storage/connections-file';
import { memorySettingsStore } from '../storage/settings';
import { practiceAppInfo, startPracticeHost, type PracticeHost } from './host';

export interface PracticeConsoleOptions {
  /** Folder holding the built renderer (out/renderer). */
  rendererDir: string;
  /** Where run journals go; default a temporary folder removed on close. */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Accounts across the practice directories (default: the stand-ins' own seeds, about 560). */
  practiceAccounts?: number;
  /** Real time per service time for rate limits (default 0.1: ten times faster). */
  timeScale?: number;
  /** Who the journal names as operator. */
  operator?: string;
  /** Progress events are coalesced to one per this interval (default 100 ms). */
  progressIntervalMs?: number;
  log?: (line: string) => void;
  /** Sees every event the console sends (tests, benchmarks). */
  onEvent?: ConsoleEmit;
}

export interface PracticeConsole {
  /** The console address, token in the fragment. */
  url: string;
  host: PracticeHost;
  services: ConsoleServices;
  dataDir: string;
  close(): Promise<void>;
}

export async function startPracticeConsole(options: PracticeConsoleOptions): Promise<PracticeConsole> {
  const log = options.log ?? (() => {});
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(path.join(tmpdir(), 'rekey-practice-')));
  let host: PracticeHost | null = null;
  const services = createConsoleServices({
    settings: memorySettingsStore(),
    secrets: memorySecretStore(),
    dataDir,
    // The practice connection is added fresh at every start; nothing about it is saved.
    connectionsFile: memoryConnections(),
    operator: options.operator ?? 'practice',
    practice: true,
    emit: (name, payload) => {
      options.onEvent?.(name, payload);
      host?.emit(name, payload);
    },
    openBrowser: async () => {
      throw new Error('The practice console does not open a browser: its tenant signs in by itself.');
    },
    log,
    practiceDirectories: {
      ...(options.practiceAccounts !== undefined ? { accounts: options.practiceAccounts } : {}),
      ...(options.timeScale !== undefined ? { timeScale: options.timeScale } : {}),
    },
    ...(options.progressIntervalMs !== undefined ? { progressIntervalMs: options.progressIntervalMs } : {}),
  });

  const cleanUp = async () => {
    await services.close();
    if (ownsDataDir) await rm(dataDir, { recursive: true, force: true });
  };
  try {
    await services.start();
    const practice = await services.connections.add({ kind: 'practice' });
    if (practice.status !== 'connected') throw new Error(`The practice tenant did not start: ${practice.detail ?? practice.status}`);
    host = await startPracticeHost({
      rendererDir: options.rendererDir,
      ...(options.port !== undefined ? { port: options.port } : {}),
      handlers: createHandlers({ settings: services.settings, appInfo: practiceAppInfo, console: services }),
      log,
    });
  } catch (error) {
    await cleanUp();
    throw error;
  }
  const started = host;
  let closing: Promise<void> | null = null;
  return {
    url: started.url,
    host: started,
    services,
    dataDir,
    close() {
      closing ??= (async () => {
        await started.close();
        await cleanUp();
      })();
      return closing;
    },
  };
}

export { PRACTICE_CONNECTION_ID };
