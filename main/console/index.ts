// The console's main-process services, built once per app (Electron) or per
// practice console: the connection registry, the account listing, plans,
// runs, verification, activity and exclusion sets, all around one Rekey flow
// whose directories are whatever the registry has connected right now.
import type { Directory } from '../core/domain';
import { systemClock, type Clock, type SecretStore } from '../core/ports';
import type { RunJournalStore } from '../core/run-records';
import { createRekeyFlow, type RekeyFlow } from '../flow/service';
import { isElevated } from '../platform/elevation';
import { fileConnections, memoryConnections, type ConnectionsFile } from '../storage/connections-file';
import { nodeHasher } from '../storage/hasher';
import { JournalFileStore } from '../storage/journal-file';
import type { SettingsStore } from '../storage/settings';
import { AccountsService } from './accounts';
import { AccountsSnapshots } from './accounts-snapshot';
import { ActivityService } from './activity';
import { ConnectionRegistry } from './connections';
import { safeEmitter, type ConsoleEmit } from './events';
import { ExclusionsService } from './exclusions';
import { MemoryJournalStore } from './memory-journals';
import { PlanService } from './plans';
import type { PracticeDirectoriesOptions } from './practice-directories';
import { RunService } from './runs';
import { VerifyService } from './verify';

export interface ConsoleDeps {
  settings: SettingsStore;
  secrets: SecretStore;
  /** Where connections.json and the run journals (runs/) live; null keeps both in memory. */
  dataDir: string | null;
  /** Who operates: recorded with every approval and run. */
  operator: string;
  /** Every run of this console is a practice run (the practice console). */
  practice: boolean;
  emit: ConsoleEmit;
  /** Opens the system browser for Entra's sign-in page. */
  openBrowser: (url: string) => Promise<void>;
  clock?: Clock;
  platform?: NodeJS.Platform;
  log?: (line: string) => void;
  /** Folder of the PowerShell scripts (packaged app: resources/powershell). */
  scriptsDir?: string;
  isElevated?: () => Promise<boolean>;
  /** Size and speed of the practice tenant when a practice connection is added. */
  practiceDirectories?: PracticeDirectoriesOptions;
  /** Where connection records go; default <dataDir>/connections.json (memory without a data folder). */
  connectionsFile?: ConnectionsFile;
  /** Progress events per run are coalesced to one per this interval (default 100 ms). */
  progressIntervalMs?: number;
  /** Where run journals go; default <dataDir>/runs (memory without a data folder). */
  journals?: RunJournalStore;
}

export interface ConsoleServices {
  settings: SettingsStore;
  flow: RekeyFlow;
  connections: ConnectionRegistry;
  snapshots: AccountsSnapshots;
  accounts: AccountsService;
  plans: PlanService;
  runs: RunService;
  verify: VerifyService;
  activity: ActivityService;
  exclusions: ExclusionsService;
  /** Load the saved connections and connect what needs nobody; resolves when every one has tried. */
  start(): Promise<void>;
  /** Stop runs and listings, close every connection (servers, PowerShell processes). */
  close(): Promise<void>;
}

export function createConsoleServices(deps: ConsoleDeps): ConsoleServices {
  const clock = deps.clock ?? systemClock;
  const log = deps.log ?? (() => {});
  const emit = safeEmitter(deps.emit, log);
  const connections = new ConnectionRegistry({
    file: deps.connectionsFile ?? (deps.dataDir ? fileConnections(deps.dataDir) : memoryConnections()),
    context: {
      secrets: deps.secrets,
      settings: deps.settings,
      clock,
      platform: deps.platform ?? process.platform,
      openBrowser: deps.openBrowser,
      ...(deps.scriptsDir ? { scriptsDir: deps.scriptsDir } : {}),
      isElevated: deps.isElevated ?? (() => isElevated()),
      practice: deps.practiceDirectories ?? {},
    },
    emit,
    log,
  });
  const directories = (): Directory[] => connections.directories();
  const flow = createRekeyFlow({
    directories,
    settings: deps.settings,
    journals: deps.journals ?? (deps.dataDir ? new JournalFileStore({ dataDir: deps.dataDir, hasher: nodeHasher, clock }) : new MemoryJournalStore(nodeHasher, clock)),
    hasher: nodeHasher,
    clock,
    operator: deps.operator,
    // A run on practice directories only is journaled as practice, even in the desktop app.
    get practice() {
      return deps.practice || connections.onlyPractice();
    },
  });
  const snapshots = new AccountsSnapshots(directories);
  connections.onDirectoriesChanged(() => snapshots.invalidate());
  const plans = new PlanService(flow, snapshots, deps.settings);
  const runs = new RunService({ flow, plans, snapshots, emit, log, ...(deps.progressIntervalMs !== undefined ? { progressIntervalMs: deps.progressIntervalMs } : {}) });

  return {
    settings: deps.settings,
    flow,
    connections,
    snapshots,
    accounts: new AccountsService(snapshots, directories),
    plans,
    runs,
    verify: new VerifyService(flow, directories, emit),
    activity: new ActivityService(flow),
    exclusions: new ExclusionsService(deps.settings, snapshots, () => clock.now()),
    start: () => connections.start(),
    async close() {
      await runs.close();
      snapshots.close();
      await connections.close();
    },
  };
}

export type { ConsoleEmit } from './events';
export type { PracticeDirectoriesOptions } from './practice-directories';
