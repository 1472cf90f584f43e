// The registry of directory connections: what the Connections screen lists,
// adds, signs in, checks and removes, and where the flow finds the
// directories connected right now. Records (never secrets) are saved through
// a ConnectionsFile; every change of state is announced as
// connections.changed, and sign-in prompts as connections.prompt.
import type { AddConnectionRequest, ConnectionView } from '../../preload/contract';
import type { Directory } from '../core/domain';
import type { ConnectionsFile, SavedConnection } from '../storage/connections-file';
import { EntraLive } from './connection-kinds/entra';
import { errorText, type Diagnostic, type KindContext, type LiveConnection } from './connection-kinds/live';
import { OktaLive } from './connection-kinds/okta';
import { PracticeLive } from './connection-kinds/practice';
import { WindowsLocalLive, WindowsRemoteLive } from './connection-kinds/windows';
import type { ConsoleEmit } from './events';

export interface RegistryDeps {
  file: ConnectionsFile;
  context: KindContext;
  emit: ConsoleEmit;
  log: (line: string) => void;
}

interface Entry {
  live: LiveConnection;
  /** The last sign-in or restore failure, as the sentence to show. */
  error: string | null;
  busy: 'checking' | 'signing-in' | null;
}

function fromRecord(record: SavedConnection, context: KindContext): LiveConnection {
  switch (record.kind) {
    case 'entra':
      return new EntraLive(record, context);
    case 'okta':
      return new OktaLive(record, context);
    case 'windows-local':
      return new WindowsLocalLive(record, context);
    case 'windows-remote':
      return new WindowsRemoteLive(record, context);
    case 'practice':
      return new PracticeLive(record, context);
  }
}

async function fromRequest(request: AddConnectionRequest, context: KindContext): Promise<LiveConnection> {
  switch (request.kind) {
    case 'entra':
      return EntraLive.add(request, context);
    case 'okta':
      return OktaLive.add(request, context);
    case 'windows-local':
      return WindowsLocalLive.add(context);
    case 'windows-remote':
      return WindowsRemoteLive.add(request, context);
    case 'practice':
      return PracticeLive.add(context);
  }
}

export class ConnectionRegistry {
  private readonly entries = new Map<string, Entry>();
  private loading: Promise<void> | null = null;
  private readonly listeners = new Set<() => void>();
  private directorySignature = '';

  constructor(private readonly deps: RegistryDeps) {}

  /** Load the saved connections and connect each one that needs nobody (tokens in the cache, API tokens, practice). */
  start(): Promise<void> {
    this.loading ??= this.load();
    return this.loading;
  }

  list(): ConnectionView[] {
    return [...this.entries.keys()].map((id) => this.view(id));
  }

  /** Adding a connection that exists (same tenant, org or computers) replaces it: that is how a client id or a session password is given later. */
  async add(request: AddConnectionRequest): Promise<ConnectionView> {
    await this.start();
    const live = await fromRequest(request, this.deps.context);
    const existing = this.entries.get(live.id);
    if (existing && (live.kind === 'practice' || live.kind === 'windows-local')) {
      // Nothing to change: make sure it is connected and show it.
      if (!existing.live.connected()) await this.connect(live.id, (entry) => entry.live.restore());
      return this.view(live.id);
    }
    if (existing) await existing.live.close();
    this.entries.set(live.id, { live, error: null, busy: null });
    await this.save();
    this.changed(live.id);
    await this.connect(live.id, (entry) => entry.live.restore());
    return this.view(live.id);
  }

  async remove(id: string): Promise<boolean> {
    await this.start();
    const entry = this.entries.get(id);
    if (!entry) return false;
    this.entries.delete(id);
    try {
      await entry.live.close();
      await entry.live.forget();
    } finally {
      await this.save();
      this.changed(id);
    }
    return true;
  }

  async signIn(id: string): Promise<ConnectionView> {
    await this.start();
    const entry = this.require(id);
    const prompt = (p: { message: string; userCode?: string; verificationUri?: string }) => this.deps.emit('connections.prompt', { id, ...p });
    await this.connect(id, () => entry.live.signIn(prompt), 'signing-in');
    return this.view(id);
  }

  async signOut(id: string): Promise<ConnectionView> {
    await this.start();
    const entry = this.require(id);
    await entry.live.signOut();
    entry.error = null;
    this.changed(id);
    return this.view(id);
  }

  async check(id: string): Promise<Diagnostic[]> {
    await this.start();
    const entry = this.require(id);
    entry.busy = 'checking';
    this.changed(id);
    try {
      return await entry.live.check();
    } finally {
      entry.busy = null;
      this.changed(id);
    }
  }

  /** The directories connected right now, in connection order. */
  directories(): Directory[] {
    const seen = new Set<string>();
    const out: Directory[] = [];
    for (const { live } of this.entries.values()) {
      for (const directory of live.directories()) {
        if (seen.has(directory.id)) continue;
        seen.add(directory.id);
        out.push(directory);
      }
    }
    return out;
  }

  /** True when something is connected and every connected directory is a practice one. */
  onlyPractice(): boolean {
    const connected = [...this.entries.values()].filter((e) => e.live.connected());
    return connected.length > 0 && connected.every((e) => e.live.practice);
  }

  connection(id: string): LiveConnection | undefined {
    return this.entries.get(id)?.live;
  }

  /** Called whenever the set of connected directories changes (the account listing starts over). */
  onDirectoriesChanged(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    await this.loading?.catch(() => undefined);
    await Promise.allSettled([...this.entries.values()].map((e) => e.live.close()));
  }

  view(id: string): ConnectionView {
    const { live, error, busy } = this.require(id);
    const description = live.describe();
    const connected = live.connected();
    const status: ConnectionView['status'] = busy === 'checking' ? 'checking' : error ? 'error' : connected ? 'connected' : 'signed-out';
    const detail = error ?? (busy === 'signing-in' ? 'Signing in…' : connected ? undefined : description.signedOutDetail);
    return {
      id,
      kind: live.kind,
      directoryKind: live.directoryKind,
      displayName: live.displayName,
      status,
      ...(detail ? { detail } : {}),
      practice: live.practice,
      facts: description.facts,
      ...(description.publicJwk ? { publicJwk: description.publicJwk } : {}),
      warnings: description.warnings,
    };
  }

  private async load(): Promise<void> {
    const { connections, problems } = await this.deps.file.load();
    for (const problem of problems) this.deps.log(problem);
    for (const record of connections) {
      try {
        const live = fromRecord(record, this.deps.context);
        this.entries.set(live.id, { live, error: null, busy: null });
      } catch (error) {
        this.deps.log(`The saved connection ${record.displayName} was skipped: ${errorText(error)}`);
      }
    }
    await Promise.all([...this.entries.keys()].map((id) => this.connect(id, (entry) => entry.live.restore())));
  }

  /** Run a connect step; a failure becomes the connection's error sentence instead of an exception. */
  private async connect(id: string, step: (entry: Entry) => Promise<void>, busy: Entry['busy'] = null): Promise<void> {
    const entry = this.entries.get(id);
    if (!entry) return;
    entry.error = null;
    entry.busy = busy;
    if (busy) this.changed(id);
    try {
      await step(entry);
    } catch (error) {
      entry.error = errorText(error);
      this.deps.log(`${entry.live.displayName}: ${entry.error}`);
    } finally {
      entry.busy = null;
      this.changed(id);
    }
  }

  private require(id: string): Entry {
    const entry = this.entries.get(id);
    if (!entry) throw new Error(`There is no connection "${id}"; it may have been removed. Reload the connections list.`);
    return entry;
  }

  private async save(): Promise<void> {
    await this.deps.file.save([...this.entries.values()].map((e) => e.live.record()));
  }

  private changed(id: string): void {
    this.deps.emit('connections.changed', { id });
    const signature = this.directories()
      .map((d) => d.id)
      .join('\n');
    if (signature !== this.directorySignature) {
      this.directorySignature = signature;
      for (const listener of this.listeners) listener();
    }
  }
}
