// Windows local accounts: 500 accounts on one computer, force change at next
// logon, through the real session and directory code, in one PowerShell
// session: one batched round trip (what Rekey sends) vs. one invocation per
// account (what a script calling a function per account does).
//
//   windows.speedupVsPerAccountCall            in real pwsh against the simulated SAM
//                                             (test/fixtures/powershell/SimulatedSam.psm1);
//                                             null where pwsh cannot be installed
//   windows.speedupVsPerAccountCall.simulated  the simulated PowerShell host with a modelled
//                                             cost per invocation and per account: NOT the pwsh figure
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectAccounts, defaultResetOptions, type Account } from '../../main/core/domain';
import { systemClock } from '../../main/core/ports';
import { SimulatedNetwork, type ComputerSeed } from '../../main/practice/windows/simulated-host';
import type { AccountSeed } from '../../main/practice/windows/sam';
import { WindowsDirectory } from '../../main/windows/directory';
import { NodePowerShellEngine, type EngineOutput, type PowerShellEngine } from '../../main/windows/engine';
import { loadScriptSources, type ScriptSources } from '../../main/windows/scripts';
import { PowerShellSession } from '../../main/windows/session';
import { round, type BenchFigure } from './figures';
import { findPwsh } from '../support/pwsh';

const accounts = 500;
const realName = 'windows.speedupVsPerAccountCall';

/**
 * The cost model of the simulated figure. Parameters, not measurements:
 *  - per invocation: node-powershell writes the line to the pipe, PowerShell
 *    parses it, Invoke-RekeyScript decodes the base64 JSON request and encodes
 *    the replies, node-powershell reads up to its end marker;
 *  - per account: reset.ps1's ADSI bind, PasswordExpired write (SetInfo) and
 *    read-back on the local SAM.
 * The ratio is (P + A) x N / (P + A x N): a larger per-account cost lowers it.
 */
export const invocationModel = { perInvocationMs: 20, perAccountMs: 2 };


/** Time one batched reset of every account, then (same accounts restored) one reset call per account. */
async function compare(open: () => Promise<{ directory: WindowsDirectory; dispose(): Promise<void> }>): Promise<{ batchedMs: number; perAccountMs: number }> {
  const time = async (work: (directory: WindowsDirectory, targets: Account[]) => Promise<void>) => {
    const opened = await open();
    try {
      const targets = (await collectAccounts(opened.directory, {})).filter((a) => a.attributes.rid !== undefined && a.attributes.rid >= 1000);
      if (targets.length !== accounts) throw new Error(`expected ${accounts} accounts, listed ${targets.length}`);
      const started = performance.now();
      await work(opened.directory, targets);
      const elapsed = performance.now() - started;
      const states = await opened.directory.readState(targets);
      const flagged = states.filter((s) => s.mustChange === 'yes').length;
      if (flagged !== accounts) throw new Error(`only ${flagged} of ${accounts} accounts must change their password afterwards`);
      return elapsed;
    } finally {
      await opened.dispose();
    }
  };
  const signal = new AbortController().signal;
  const batchedMs = await time(async (directory, targets) => {
    await directory.reset({ items: targets.map((account) => ({ account, steps: ['force-change'] })), options: defaultResetOptions }, signal);
  });
  const perAccountMs = await time(async (directory, targets) => {
    for (const account of targets) await directory.reset({ items: [{ account, steps: ['force-change'] }], options: defaultResetOptions }, signal);
  });
  return { batchedMs, perAccountMs };
}

// --- the simulated host with the cost model --------------------------------------------

class ModelledEngine implements PowerShellEngine {
  constructor(private readonly inner: PowerShellEngine) {}

  async invoke(command: string, timeoutMs: number): Promise<EngineOutput> {
    const invoked = /^Invoke-RekeyScript -Name '([a-z-]+)' -Request '([^']*)'/.exec(command);
    if (invoked) {
      const envelope = JSON.parse(Buffer.from(invoked[2] ?? '', 'base64').toString('utf8')) as { payload: string };
      const payload = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { targets?: Array<{ items: unknown[] }> };
      const items = (payload.targets ?? []).reduce((sum, t) => sum + t.items.length, 0);
      const cost = invocationModel.perInvocationMs + (invoked[1] === 'reset' ? items * invocationModel.perAccountMs : 0);
      await new Promise((resolve) => setTimeout(resolve, cost));
    }
    return this.inner.invoke(command, timeoutMs);
  }

  dispose(): Promise<void> {
    return this.inner.dispose();
  }
}

function seed(): ComputerSeed {
  const users: AccountSeed[] = Array.from({ length: accounts }, (_, i) => ({ name: `user${String(i).padStart(4, '0')}`, rid: 1000 + i, fullName: `User ${i}`, groups: ['users'], passwordAgeDays: 10 }));
  return { computerName: 'BENCH-WS01', culture: 'en-US', machineSid: 'S-1-5-21-1000000001-2000000002-3000000003', utcOffsetMinutes: 0, maxPasswordAgeDays: 42, minPasswordAgeDays: 0, accounts: users };
}

async function simulatedFigure(sources: ScriptSources): Promise<BenchFigure> {
  const { batchedMs, perAccountMs } = await compare(async () => {
    const network = new SimulatedNetwork(SimulatedNetwork.computer(seed(), systemClock), { name: 'BENCH-WS01\\bench', sid: 'S-1-5-21-1000000001-2000000002-3000000003-999' }, systemClock);
    const session = new PowerShellSession({ createEngine: () => new ModelledEngine(network.openSession()), sources });
    return { directory: new WindowsDirectory({ id: 'windows:bench', displayName: 'Bench', session, remote: null }), dispose: () => session.dispose() };
  });
  const { perInvocationMs: p, perAccountMs: a } = invocationModel;
  return {
    name: `${realName}.simulated`,
    value: round(perAccountMs / batchedMs, 1),
    unit: 'ratio',
    goal: 'report it',
    baseline: `one reset call per account: ${round(perAccountMs, 0)} ms for ${accounts} accounts; batched: ${round(batchedMs, 0)} ms`,
    note:
      `NOT the pwsh figure: the simulated PowerShell host (practice engine) with a modelled cost of ${p} ms per invocation and ${a} ms of script work per account, ` +
      `through the real session, protocol and directory code. The model alone predicts (${p}+${a})×${accounts}/(${p}+${a}×${accounts}) = ${round(((p + a) * accounts) / (p + a * accounts), 1)}; ` +
      `with 5 ms per account it would be ${round(((p + 5) * accounts) / (p + 5 * accounts), 1)}. Only the pwsh measurement settles it.`,
  };
}

// --- real pwsh, where it exists ----------------------------------------------------------

async function pwshFigure(pwsh: string, sources: ScriptSources): Promise<BenchFigure> {
  const modulePath = join(process.cwd(), 'test', 'fixtures', 'powershell', 'SimulatedSam.psm1');
  const machineSid = 'S-1-5-21-1111111111-2222222222-3333333333';
  const workDir = await mkdtemp(join(tmpdir(), 'rekey-bench-pwsh-'));
  try {
    let runs = 0;
    const { batchedMs, perAccountMs } = await compare(async () => {
      const statePath = join(workDir, `sam-${++runs}.json`);
      const state = {
        computerName: 'PSHOST01',
        elevated: true,
        remote: false,
        callerName: 'PSHOST01\\bench',
        callerSid: `${machineSid}-999`,
        maxPasswordAgeDays: 42,
        accounts: Array.from({ length: accounts }, (_, i) => ({
          name: `user${String(i).padStart(4, '0')}`,
          fullName: `User ${i}`,
          description: '',
          sid: `${machineSid}-${1000 + i}`,
          principalSource: 'Local',
          userFlags: 0x200,
          passwordLastSet: Date.now() - 10 * 86_400_000,
          lastLogon: Date.now() - 86_400_000,
          faults: {},
        })),
        groups: [{ name: 'Users', sid: 'S-1-5-32-545', members: Array.from({ length: accounts }, (_, i) => `${machineSid}-${1000 + i}`) }],
        operations: [],
      };
      await writeFile(statePath, JSON.stringify(state), 'utf8');
      const session = new PowerShellSession({
        createEngine: async () => {
          const engine = new NodePowerShellEngine(pwsh);
          const loaded = await engine.invoke(`Import-Module '${modulePath}' -Force; Initialize-SimulatedSam -StatePath '${statePath}'`, 120_000);
          if (loaded.hadErrors) throw new Error(`SimulatedSam.psm1 did not load: ${loaded.stderr}`);
          return engine;
        },
        sources,
        timeoutMs: 600_000,
      });
      return { directory: new WindowsDirectory({ id: 'windows:pwsh', displayName: 'pwsh', session, remote: null }), dispose: () => session.dispose() };
    });
    return {
      name: realName,
      value: round(perAccountMs / batchedMs, 1),
      unit: 'ratio',
      goal: '≥ 10',
      baseline: `one reset call per account in the same pwsh session: ${round(perAccountMs, 0)} ms; one batched round trip: ${round(batchedMs, 0)} ms`,
      note: `Real pwsh (${pwsh}) running Rekey's scripts against the simulated SAM module, ${accounts} accounts.`,
    };
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

export async function windowsBenchmarks(): Promise<BenchFigure[]> {
  const sources = await loadScriptSources();
  const pwsh = findPwsh();
  const real: BenchFigure = pwsh
    ? await pwshFigure(pwsh, sources)
    : {
        name: realName,
        value: null,
        unit: 'ratio',
        goal: '≥ 10',
        baseline: 'not measured',
        note: 'pwsh not installable here: the NuGet mirror lacks PowerShell (no pwsh on PATH or under .tools/). See windows.speedupVsPerAccountCall.simulated for a modelled figure, which is not this one.',
      };
  return [real, await simulatedFigure(sources)];
}
