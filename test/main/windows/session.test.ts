import { beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../../main/core/ports';
import { practiceIdentity, practiceNetwork } from '../../../main/practice/windows/population';
import type { SimulatedNetwork } from '../../../main/practice/windows/simulated-host';
import { EngineExitedError, NodePowerShellEngine, resolvePowerShellExecutable, type PowerShellEngine } from '../../../main/windows/engine';
import { loadScriptSources, type ScriptSources } from '../../../main/windows/scripts';
import { PowerShellSession } from '../../../main/windows/session';

const fixedClock: Clock = { now: () => Date.UTC(2026, 10, 21, 19, 0, 0), sleep: async () => undefined };

let sources: ScriptSources;
beforeAll(async () => {
  sources = await loadScriptSources();
});

function sessionOn(network: SimulatedNetwork, timeoutMs = 200): { session: PowerShellSession; engines: PowerShellEngine[] } {
  const engines: PowerShellEngine[] = [];
  const session = new PowerShellSession({
    createEngine: () => {
      const engine = network.openSession();
      engines.push(engine);
      return engine;
    },
    sources,
    timeoutMs,
    clock: fixedClock,
  });
  return { session, engines };
}

const isBootstrap = (line: string) => line.startsWith('. ([ScriptBlock]::Create(');

describe('the PowerShell session', () => {
  it('loads session.ps1 and the four scripts once, then sends one line per request', async () => {
    const network = practiceNetwork(fixedClock);
    const { session } = sessionOn(network);
    await session.run('preflight', { v: 1 }, null);
    await session.run('list', { v: 1 }, null);
    expect(network.typed.filter(isBootstrap)).toHaveLength(1);
    expect(network.typed.filter((l) => l.startsWith('Register-RekeyScript'))).toHaveLength(4);
    expect(network.typed.filter((l) => l.startsWith('Invoke-RekeyScript'))).toHaveLength(2);
    expect(session.processesStarted).toBe(1);
  });

  it('stops a hung process at the timeout, says so in the evidence, and starts afresh for the next request', async () => {
    const network = practiceNetwork(fixedClock);
    const { session, engines } = sessionOn(network, 50);
    await session.run('preflight', { v: 1 }, null);
    network.injectSessionFault({ kind: 'hang', script: 'list' });

    const hung = await session.run('list', { v: 1 }, null);
    expect(hung.status).toBe('timeout');
    expect(hung.replies).toEqual([]);
    expect(hung.evidence).toMatchObject({ kind: 'powershell', script: 'list.ps1', exitStatus: 'timeout', host: '.' });
    expect(hung.evidence.kind === 'powershell' && hung.evidence.output).toContain('the session was stopped and will be restarted for the next request');
    expect(hung.problem).toContain('PowerShell did not answer within 50 ms');

    const after = await session.run('list', { v: 1 }, null);
    expect(after.status).toBe('ok');
    expect(after.replies[0]?.reply.computerName).toBe('WS-ADMIN01');
    expect(session.processesStarted).toBe(2);
    expect(engines).toHaveLength(2);
    // The first process was killed; the second one was loaded from scratch.
    await expect(engines[0]!.invoke('Clear-RekeyCredential', 1000)).rejects.toBeInstanceOf(EngineExitedError);
    expect(network.typed.filter(isBootstrap)).toHaveLength(2);
  });

  it('reports a crashed process as exited and recovers on the next request', async () => {
    const network = practiceNetwork(fixedClock);
    const { session } = sessionOn(network);
    network.injectSessionFault({ kind: 'crash', script: 'preflight' });
    const crashed = await session.run('preflight', { v: 1 }, null);
    expect(crashed.status).toBe('exited');
    expect(crashed.evidence).toMatchObject({ exitStatus: 'exited' });
    expect(crashed.problem).toContain('A new PowerShell session will be started for the next request.');
    expect((await session.run('preflight', { v: 1 }, null)).status).toBe('ok');
  });

  it('hands the credential to every new process, and never puts it in evidence', async () => {
    const network = practiceNetwork(fixedClock);
    const { session } = sessionOn(network, 50);
    const { userName, password } = practiceIdentity.workgroup;
    await session.setCredential({ userName, password });
    const remote = { hosts: ['MADRID-WS07'], throttle: 16, useSsl: true, port: null, authentication: 'Negotiate', useCredential: true };
    const first = await session.run('preflight', { v: 1 }, remote);
    expect(first.replies[0]?.reply.callerName).toBe('MADRID-WS07\\rekey-admin');

    network.injectSessionFault({ kind: 'hang', script: 'preflight' });
    const hung = await session.run('preflight', { v: 1 }, remote);
    const again = await session.run('preflight', { v: 1 }, remote);
    expect(again.replies).toHaveLength(1);
    expect(network.typed.filter((l) => l.startsWith('Set-RekeyCredential'))).toHaveLength(2);

    const secretB64 = Buffer.from(JSON.stringify({ userName, password })).toString('base64');
    for (const outcome of [first, hung, again]) {
      const serialised = JSON.stringify(outcome);
      expect(serialised).not.toContain(password);
      expect(serialised).not.toContain(secretB64);
      expect(serialised).not.toContain('Set-RekeyCredential');
    }
  });

  it('tells a script that stopped apart from one that did not report at all', async () => {
    const network = practiceNetwork(fixedClock);
    const { session } = sessionOn(network);
    // Remote with a credential that was never handed over: Invoke-RekeyScript stops with a reason.
    const noCredential = await session.run('list', { v: 1 }, { hosts: ['MADRID-WS07'], throttle: 16, useSsl: true, port: null, authentication: 'Negotiate', useCredential: true });
    expect(noCredential.status).toBe('failed');
    expect(noCredential.problem).toBe('list.ps1 stopped: No credential is loaded in this PowerShell session.');
    expect(noCredential.evidence).toMatchObject({ exitStatus: 1 });

    const silent = new PowerShellSession({
      createEngine: () => ({
        invoke: async (command: string) => ({ hadErrors: command.startsWith('Invoke'), stdout: '', stderr: command.startsWith('Invoke') ? "Invoke-RekeyScript : The term 'Invoke-RekeyScript' is not recognized" : '' }),
        dispose: async () => undefined,
      }),
      sources,
    });
    const outcome = await silent.run('list', { v: 1 }, null);
    expect(outcome.status).toBe('protocol-error');
    expect(outcome.problem).toBe("list.ps1 did not report how it ended: Invoke-RekeyScript : The term 'Invoke-RekeyScript' is not recognized.");
    expect(outcome.evidence).toMatchObject({ exitStatus: 'protocol-error' });
  });

  it('rejects a reply in the wrong shape instead of trusting it', async () => {
    const b64 = (v: unknown) => Buffer.from(typeof v === 'string' ? v : JSON.stringify(v)).toString('base64');
    const session = new PowerShellSession({
      createEngine: () => ({
        invoke: async (command: string) => ({
          hadErrors: false,
          stdout: command.startsWith('Invoke') ? `REKEY1-REPLY ${b64('.')} ${b64({ v: 1, computerName: 'PC01' })}\nREKEY1-END ${b64({ ok: true, errors: [] })}\nREKEY1-STATUS True\n` : '',
          stderr: '',
        }),
        dispose: async () => undefined,
      }),
      sources,
    });
    const outcome = await session.run('list', { v: 1 }, null);
    expect(outcome.replies).toEqual([]);
    expect(outcome.invalidReplies[0]?.problem).toMatch(/^list\.ps1 answered in an unexpected shape/);
  });

  it('says plainly when PowerShell cannot be started at all (node-powershell with a missing executable)', async () => {
    const session = new PowerShellSession({ createEngine: () => new NodePowerShellEngine('/nonexistent/rekey-test/pwsh'), sources, timeoutMs: 10_000 });
    const outcome = await session.run('preflight', { v: 1 }, null);
    expect(outcome.status).toBe('exited');
    expect(outcome.problem).toMatch(/^The PowerShell process stopped/);
    await session.dispose();
  });
});

describe('which PowerShell to start', () => {
  it('uses Windows PowerShell from System32 in a 64-bit process', () => {
    expect(resolvePowerShellExecutable('windows-powershell', { platform: 'win32', env: { SystemRoot: 'C:\\Windows' } })).toBe('C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('goes through Sysnative from a 32-bit process on 64-bit Windows, where System32 would give the 32-bit PowerShell without Get-LocalUser', () => {
    expect(resolvePowerShellExecutable('windows-powershell', { platform: 'win32', env: { SystemRoot: 'D:\\WIN', PROCESSOR_ARCHITEW6432: 'AMD64' } })).toBe('D:\\WIN\\Sysnative\\WindowsPowerShell\\v1.0\\powershell.exe');
  });

  it('starts pwsh when chosen, and explains that Windows PowerShell exists only on Windows', () => {
    expect(resolvePowerShellExecutable('pwsh', { platform: 'linux', env: {} })).toBe('pwsh');
    expect(() => resolvePowerShellExecutable('windows-powershell', { platform: 'linux', env: {} })).toThrow('Windows PowerShell exists only on Windows; choose PowerShell 7 (pwsh) in Settings.');
  });
});
