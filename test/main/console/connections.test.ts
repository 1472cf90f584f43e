// The connection registry: records in connections.json, secrets only in the
// SecretStore, views without secrets, restore after a restart (a session
// password is not kept), removal forgets secrets, refusals in sentences.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EventName } from '../../../preload/contract';
import type { SecretStore } from '../../../main/core/ports';
import { ConnectionRegistry } from '../../../main/console/connections';
import type { KindContext } from '../../../main/console/connection-kinds/live';
import { importHosts } from '../../../main/console/host-import';
import { apiTokenWarning } from '../../../main/okta';
import { fileConnections } from '../../../main/storage/connections-file';
import { memorySettingsStore } from '../../../main/storage/settings';
import { FakeClock } from '../core/fakes';

const apiToken = '00Zq8vJ3kLmN4pQ7rS2tU5wX9yB1cD6eF0gH3iK-_';
const password = 'Pässw0rd-for-this-session!';

class RecordingSecrets implements SecretStore {
  readonly values = new Map<string, string>();
  get = async (name: string) => this.values.get(name) ?? null;
  set = async (name: string, value: string) => void this.values.set(name, value);
  delete = async (name: string) => void this.values.delete(name);
}

let dataDir: string;
let secrets: RecordingSecrets;
let events: Array<{ name: EventName; payload: unknown }>;
const registries: ConnectionRegistry[] = [];

function registry(overrides: Partial<KindContext> = {}): ConnectionRegistry {
  const created = new ConnectionRegistry({
    file: fileConnections(dataDir),
    context: {
      secrets,
      settings: memorySettingsStore({ ...memorySettingsStore().get(), powershellEdition: 'pwsh' }),
      clock: new FakeClock(),
      platform: 'linux',
      openBrowser: async () => {
        throw new Error('No browser in this test.');
      },
      isElevated: async () => false,
      practice: {},
      ...overrides,
    },
    emit: (name, payload) => events.push({ name, payload }),
    log: () => {},
  });
  registries.push(created);
  return created;
}

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'rekey-connections-'));
  secrets = new RecordingSecrets();
  events = [];
});
afterEach(async () => {
  await Promise.all(registries.splice(0).map((r) => r.close()));
  await rm(dataDir, { recursive: true, force: true });
});

const savedFile = async () => readFile(path.join(dataDir, 'connections.json'), 'utf8');

describe('adding connections', () => {
  it('saves the records in connections.json and every secret in the SecretStore only; no view carries a secret', async () => {
    const connections = registry();
    const okta = await connections.add({ kind: 'okta', orgUrl: 'example.okta.com', auth: 'api-token', apiToken });
    expect(okta).toMatchObject({ id: 'okta:example.okta.com', kind: 'okta', directoryKind: 'okta', status: 'connected', practice: false, warnings: [apiTokenWarning] });
    const serviceApp = await connections.add({ kind: 'okta', orgUrl: 'https://acme.okta.com', auth: 'private-key' });
    expect(serviceApp.status).toBe('signed-out');
    expect(serviceApp.detail).toContain('Then add this org again with the client id');
    const jwk = JSON.parse(serviceApp.publicJwk as string) as Record<string, string>;
    expect(jwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(jwk.d).toBeUndefined();
    const remote = await connections.add({ kind: 'windows-remote', hosts: ['PC01', 'pc01', 'files.contoso.local'], transport: 'https', credential: { userName: 'CONTOSO\\helpdesk', password } });
    expect(remote).toMatchObject({ kind: 'windows-remote', directoryKind: 'windows', status: 'connected', displayName: '2 computers (PC01, files.contoso.local)' });
    expect(remote.facts).toContainEqual({ label: 'Connects as', value: 'CONTOSO\\helpdesk (password kept for this session only)' });
    const entra = await connections.add({ kind: 'entra', tenant: 'contoso.onmicrosoft.com', clientId: '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58', auth: 'interactive' });
    expect(entra).toMatchObject({ id: 'entra:contoso.onmicrosoft.com', status: 'signed-out', detail: 'Sign in: Rekey opens the Microsoft sign-in page in your browser.' });

    const file = await savedFile();
    const saved = JSON.parse(file) as { connections: Array<{ kind: string }> };
    expect(saved.connections.map((c) => c.kind)).toEqual(['okta', 'okta', 'windows-remote', 'entra']);
    expect(file).toContain('https://acme.okta.com');
    expect(file).toContain('CONTOSO\\\\helpdesk');
    for (const secret of [apiToken, password, 'PRIVATE KEY']) expect(file).not.toContain(secret);

    expect([...secrets.values.keys()].sort()).toEqual(['okta/acme.okta.com/private-key', 'okta/example.okta.com/api-token']);
    expect(secrets.values.get('okta/example.okta.com/api-token')).toBe(apiToken);
    expect(secrets.values.get('okta/acme.okta.com/private-key')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect([...secrets.values.values()].some((v) => v.includes(password))).toBe(false);

    const views = JSON.stringify(connections.list());
    for (const secret of [apiToken, password, 'PRIVATE KEY', secrets.values.get('okta/acme.okta.com/private-key')!.slice(40, 80)]) expect(views).not.toContain(secret);
    expect(new Set(events.filter((e) => e.name === 'connections.changed').map((e) => (e.payload as { id: string }).id))).toEqual(new Set(connections.list().map((c) => c.id)));
  });

  it('connects a service app once its client id is added, keeping the key it generated', async () => {
    const connections = registry();
    const first = await connections.add({ kind: 'okta', orgUrl: 'https://acme.okta.com', auth: 'private-key' });
    const keyId = first.facts.find((f) => f.label === 'Key id')?.value;
    const second = await connections.add({ kind: 'okta', orgUrl: 'https://acme.okta.com', auth: 'private-key', clientId: '0oa1rekeyserviceapp' });
    expect(second).toMatchObject({ id: first.id, status: 'connected', publicJwk: first.publicJwk });
    expect(second.facts).toContainEqual({ label: 'Key id', value: keyId });
    expect(second.facts).toContainEqual({ label: 'Client id', value: '0oa1rekeyserviceapp' });
    expect(connections.list()).toHaveLength(1);
    expect(connections.directories().map((d) => d.id)).toEqual(['okta:acme.okta.com']);
    expect(JSON.parse(await savedFile()).connections[0]).toMatchObject({ clientId: '0oa1rekeyserviceapp', keyId });
  });

  it('tells the listing to start over when the connected directories change', async () => {
    const connections = registry();
    const changed = vi.fn();
    connections.onDirectoriesChanged(changed);
    await connections.add({ kind: 'okta', orgUrl: 'example.okta.com', auth: 'api-token', apiToken });
    expect(changed).toHaveBeenCalledTimes(1);
    // A connection that connects nothing (not signed in yet) leaves the listing alone.
    await connections.add({ kind: 'entra', tenant: 'contoso.onmicrosoft.com', clientId: '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58', auth: 'device-code' });
    expect(changed).toHaveBeenCalledTimes(1);
    await connections.signOut('okta:example.okta.com');
    expect(changed).toHaveBeenCalledTimes(2);
    expect(connections.directories()).toEqual([]);
  });

  it('refuses what cannot work, in sentences', async () => {
    const connections = registry();
    await expect(connections.add({ kind: 'windows-local' })).rejects.toThrow("This computer's local accounts can only be reset when Rekey runs on Windows, and this is Linux; add remote Windows computers instead, or try the practice connection.");
    await expect(connections.add({ kind: 'windows-remote', hosts: ['good-pc', 'bad host', 'localhost'], transport: 'http-kerberos' })).rejects.toThrow(
      'Some computer names cannot be used: "bad host" contains a space, which no computer name can contain. "localhost" is this computer; use "This computer" instead of a remote host.',
    );
    await expect(connections.add({ kind: 'okta', orgUrl: 'https://example.okta.com', auth: 'api-token' })).rejects.toThrow('Paste the API token');
    await expect(connections.add({ kind: 'okta', orgUrl: 'https://example-admin.okta.com', auth: 'api-token', apiToken })).rejects.toThrow('That is the Admin Console address');
    await expect(connections.add({ kind: 'entra', tenant: 'common', clientId: '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58', auth: 'device-code' })).rejects.toThrow('not common/organizations/consumers');
    expect(connections.list()).toEqual([]);
  });

  it('on Windows, adds this computer and shows whether Rekey runs as administrator', async () => {
    const connections = registry({ platform: 'win32', isElevated: async () => false });
    const local = await connections.add({ kind: 'windows-local' });
    expect(local).toMatchObject({ id: 'windows:this-computer', status: 'connected' });
    expect(local.facts).toContainEqual({ label: 'Running as administrator', value: 'No' });
    expect(local.warnings[0]).toMatch(/^Rekey is not running as administrator: .* Restart Rekey with "Run as administrator"\.$/);
  });

  it('Entra browser sign-in opens Microsoft\'s sign-in page; a refusal becomes the connection\'s error', async () => {
    const opened: string[] = [];
    const connections = registry({
      openBrowser: async (url) => {
        opened.push(url);
        throw new Error('The sign-in page was not opened: blocked in this test.');
      },
    });
    const added = await connections.add({ kind: 'entra', tenant: 'contoso.onmicrosoft.com', clientId: '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58', auth: 'interactive' });
    const view = await connections.signIn(added.id);
    expect(view.status).toBe('error');
    expect(view.detail).toContain('blocked in this test');
    const url = new URL(opened[0] as string);
    expect(url.origin).toBe('https://login.microsoftonline.com');
    expect(url.pathname).toBe('/contoso.onmicrosoft.com/oauth2/v2.0/authorize');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(events.find((e) => e.name === 'connections.prompt')?.payload).toEqual({ id: added.id, message: 'Sign in to contoso.onmicrosoft.com in the browser window Rekey opened, then come back here.' });
  });
});

describe('after a restart, and removing', () => {
  it('restores what the SecretStore holds; a session password is gone and the view says what to do', async () => {
    const before = registry();
    await before.add({ kind: 'okta', orgUrl: 'example.okta.com', auth: 'api-token', apiToken });
    await before.add({ kind: 'windows-remote', hosts: ['PC01'], transport: 'https', credential: { userName: 'CONTOSO\\helpdesk', password } });
    await before.add({ kind: 'windows-remote', hosts: ['PC02'], transport: 'http-kerberos' });
    await before.close();

    const after = registry();
    await after.start();
    const status = Object.fromEntries(after.list().map((c) => [c.displayName, [c.status, c.detail]]));
    expect(status).toEqual({
      'example.okta.com': ['connected', undefined],
      PC01: ['signed-out', 'Rekey keeps the password of CONTOSO\\helpdesk only while it runs: add these computers again with the password.'],
      PC02: ['connected', undefined],
    });
  });

  it('remove forgets the stored secret and the record', async () => {
    const connections = registry();
    const okta = await connections.add({ kind: 'okta', orgUrl: 'example.okta.com', auth: 'api-token', apiToken });
    expect(await connections.remove(okta.id)).toBe(true);
    expect(secrets.values.size).toBe(0);
    expect(JSON.parse(await savedFile()).connections).toEqual([]);
    expect(await connections.remove(okta.id)).toBe(false);
    await expect(connections.signIn(okta.id)).rejects.toThrow(`There is no connection "${okta.id}"`);
  });
});

describe('connections.importHosts', () => {
  it('reads a CSV export, reporting repeated and invalid names by line', () => {
    const result = importHosts('Name;OperatingSystem\nPC01;Windows 11\npc01;Windows 11\nbad host;Windows 10\nFILES01.contoso.local;Server 2022\n');
    expect(result.hosts).toEqual(['PC01', 'FILES01.contoso.local']);
    expect(result.problems).toEqual([
      { line: 3, message: 'PC01 is listed again (first on line 2); it is used once.' },
      { line: 4, message: '"bad host" contains a space, which no computer name can contain.' },
    ]);
    expect(importHosts('\n# nothing here\n').problems).toEqual([{ line: null, message: expect.stringContaining('names no computer') }]);
  });
});
