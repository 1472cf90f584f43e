// The command line and the app's saved connections: which directories they
// provide, which the CLI refuses (it cannot read the app's encrypted secrets
// and will not keep them in clear), and `rekey run --directory NAME`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../../main/cli/main';
import { commandLineRefusal, savedDirectories } from '../../../main/console/saved-directories';
import { fileConnections, type SavedConnection } from '../../../main/storage/connections-file';
import { recordingIo } from '../cli/cli-io';

const saved: SavedConnection[] = [
  { kind: 'entra', id: 'entra:contoso.onmicrosoft.com', displayName: 'Contoso', tenant: 'Contoso.onmicrosoft.com', clientId: '8c2d5f14-3b6e-4a97-b1d0-2e7f9a4c6b58', auth: 'interactive' },
  { kind: 'okta', id: 'okta:acme.okta.com', displayName: 'acme.okta.com', orgUrl: 'https://acme.okta.com', auth: 'api-token' },
  { kind: 'windows-remote', id: 'windows:hosts-1', displayName: 'PC01', hosts: ['PC01'], transport: 'http-kerberos' },
  { kind: 'windows-remote', id: 'windows:hosts-2', displayName: 'MADRID-WS07', hosts: ['MADRID-WS07'], transport: 'https', userName: 'MADRID-WS07\\rekey-admin' },
  { kind: 'windows-local', id: 'windows:this-computer', displayName: 'This computer' },
  { kind: 'practice', id: 'practice', displayName: 'Practice tenant' },
];

describe('saved connections as command-line directories', () => {
  it('names the directory each connection provides; the practice tenant stays in the app', () => {
    expect(savedDirectories(saved).map((d) => [d.id, d.kind])).toEqual([
      ['entra:contoso.onmicrosoft.com', 'entra'],
      ['okta:acme.okta.com', 'okta'],
      ['windows:hosts-1', 'windows'],
      ['windows:hosts-2', 'windows'],
      ['windows:this-computer', 'windows'],
    ]);
  });

  it('refuses what needs the app\'s secrets or a session password, and this computer off Windows', () => {
    const [entra, okta, remote, withPassword, local] = savedDirectories(saved);
    expect(commandLineRefusal(entra!, 'win32')).toBe(
      'Contoso signs in with credentials the Rekey app keeps encrypted for itself (Electron safeStorage), which the command line cannot read and will not store in clear; reset these accounts from the Rekey app.',
    );
    expect(commandLineRefusal(okta!, 'win32')).toContain('reset these accounts from the Rekey app');
    expect(commandLineRefusal(remote!, 'linux')).toBeNull();
    expect(commandLineRefusal(withPassword!, 'win32')).toContain('is reached as MADRID-WS07\\rekey-admin, whose password Rekey keeps only while the app runs');
    expect(commandLineRefusal(local!, 'linux')).toContain('only be reset when Rekey runs on Windows');
    expect(commandLineRefusal(local!, 'win32')).toBeNull();
  });
});

describe('rekey run --directory NAME', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'rekey-cli-saved-'));
    await fileConnections(dataDir).save(saved);
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('refuses an Entra connection with the sentence, without touching anything', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['run', '--directory', 'Contoso', '--select', 'all', '--data-dir', dataDir], io)).toBe(1);
    expect(out.stderr).toContain('rekey: Contoso signs in with credentials the Rekey app keeps encrypted for itself');
  });

  it('names the saved directories when the name matches none', async () => {
    const { io, out } = recordingIo();
    expect(await runCli(['run', '--directory', 'nowhere', '--select', 'all', '--data-dir', dataDir], io)).toBe(2);
    expect(out.stderr).toContain('No directory is called "nowhere". Available: entra:contoso.onmicrosoft.com ("Contoso"), okta:acme.okta.com ("acme.okta.com")');
  });
});
