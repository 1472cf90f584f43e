// Every PowerShell file Rekey ships (and the simulated SAM the pwsh test loads)
// is parsed by the PowerShell grammar: no PowerShell is installable here, so
// this is the check that each script is at least well-formed.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commonMarker, loadScriptSources } from '../../../main/windows/scripts';
import { commandNames, functionDefinitions, powerShellSyntaxProblems } from '../../support/powershell-parse';

const scriptsDir = join(process.cwd(), 'resources', 'powershell');
const moduleFile = join(process.cwd(), 'test', 'fixtures', 'powershell', 'SimulatedSam.psm1');
const taskScripts = ['list.ps1', 'reset.ps1', 'read-state.ps1', 'preflight.ps1'];

async function script(name: string): Promise<string> {
  return readFile(join(scriptsDir, name), 'utf8');
}

describe('the PowerShell scripts in resources/powershell', () => {
  it('are exactly the bootstrap, the shared helpers and the four task scripts', async () => {
    const files = (await readdir(scriptsDir)).filter((f) => f.endsWith('.ps1')).sort();
    expect(files).toEqual(['common.ps1', 'list.ps1', 'preflight.ps1', 'read-state.ps1', 'reset.ps1', 'session.ps1']);
  });

  it.each(['session.ps1', 'common.ps1', ...taskScripts])('%s parses with no error and no missing node', async (name) => {
    expect(await powerShellSyntaxProblems(await script(name))).toEqual([]);
  });

  it('each task script as sent (with common.ps1 inserted) parses with no error', async () => {
    const sources = await loadScriptSources(scriptsDir);
    for (const [name, text] of Object.entries(sources.scripts)) {
      expect(text, name).not.toContain(commonMarker);
      expect(await powerShellSyntaxProblems(text), name).toEqual([]);
    }
  });

  it('the simulated SAM module parses too', async () => {
    expect(await powerShellSyntaxProblems(await readFile(moduleFile, 'utf8'))).toEqual([]);
  });

  it('reports a broken snippet, so the check above can fail', async () => {
    const unclosed = await powerShellSyntaxProblems('if ($account.Enabled {\n    Set-Thing\n}\n');
    expect(unclosed.length).toBeGreaterThan(0);
    // A real script cut in half (as a bad merge would leave it) is caught as well.
    const reset = await script('reset.ps1');
    const truncated = reset.slice(0, reset.indexOf('function Set-RekeyMustChange') + 200);
    const problems = await powerShellSyntaxProblems(truncated);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]?.line).toBeGreaterThan(1);
  });

  it.each(taskScripts)('%s explains itself to an admin: what it does, what it never does, its input and output', async (name) => {
    const text = await script(name);
    const header = text.slice(0, text.indexOf('#>'));
    expect(header).toMatch(/^<#\s*\.SYNOPSIS/);
    expect(header).toMatch(/What it never does:/);
    expect(header).toMatch(/Input:\s+-Payload, base64 of UTF-8 JSON/);
    expect(header).toMatch(/Output: one line, "REKEY1:"/);
    expect(text).toMatch(/param\(\s*\[Parameter\(Mandatory = \$true\)\]\s*\[string\]\$Payload\s*\)/);
  });

  it('take their helpers and Windows seam from common.ps1, inserted after param(), so one fix reaches all four', async () => {
    const shared = [...(await functionDefinitions(await script('common.ps1'))).keys()];
    expect(shared).toEqual(
      expect.arrayContaining(['Get-RekeyAdsiUser', 'Invoke-RekeyNetUser', 'Test-RekeyRemoteSession', 'ConvertFrom-RekeyPayload', 'Test-RekeyAccountName']),
    );
    const sources = await loadScriptSources(scriptsDir);
    for (const name of taskScripts) {
      const own = await script(name);
      // The marker stands once, after the parameter block and the error preference.
      expect(own.split(commonMarker).length - 1, name).toBe(1);
      expect(own.indexOf(commonMarker), name).toBeGreaterThan(own.indexOf("$ErrorActionPreference = 'Stop'"));
      // No script keeps its own copy of a shared function...
      const ownDefinitions = await functionDefinitions(own);
      for (const fn of shared) expect(ownDefinitions.has(fn), `${name} redefines ${fn}`).toBe(false);
      // ...and the composed script defines every one of them.
      const composed = await functionDefinitions(sources.scripts[name.replace('.ps1', '') as keyof typeof sources.scripts]);
      for (const fn of shared) expect(composed.has(fn), `${name} as sent lacks ${fn}`).toBe(true);
    }
  });

  it('refuses a task script whose marker line is missing or doubled', async () => {
    const { composeScript } = await import('../../../main/windows/scripts');
    expect(() => composeScript('reset', 'param()\n', '# common')).toThrow(/exactly once/);
    expect(() => composeScript('reset', `${commonMarker}\n${commonMarker}\n`, '# common')).toThrow(/exactly once/);
    expect(composeScript('reset', `param()\n${commonMarker}\nWrite-Output 1`, '# common\n')).toBe('param()\n# common\nWrite-Output 1');
  });

  it('the simulated SAM defines every seam function the scripts let it replace', async () => {
    const reset = await script('common.ps1');
    const seams = [...reset.matchAll(/Get-Command -Name '([A-Za-z-]+)' -CommandType Function/g)].map((m) => m[1]);
    expect(seams.length).toBe(7);
    const module = await functionDefinitions(await readFile(moduleFile, 'utf8'));
    for (const seam of seams) expect(module.has(seam ?? ''), seam).toBe(true);
    // ...and the Windows-only cmdlets the scripts call directly.
    for (const cmdlet of ['Get-LocalUser', 'Get-LocalGroup', 'Get-LocalGroupMember']) expect(module.has(cmdlet), cmdlet).toBe(true);
  });

  it('never use the commands that do not set "must change" or that run text as code', async () => {
    for (const name of ['session.ps1', 'common.ps1', ...taskScripts]) {
      const commands = (await commandNames(await script(name))).map((c) => c.toLowerCase());
      for (const forbidden of ['wmic', 'set-localuser', 'invoke-expression', 'iex', 'add-type']) {
        expect(commands, `${name} calls ${forbidden}`).not.toContain(forbidden);
      }
    }
  });

  it('only reset.ps1 writes to the SAM', async () => {
    for (const name of ['common.ps1', 'list.ps1', 'read-state.ps1', 'preflight.ps1']) {
      const text = await script(name);
      expect(text, name).not.toMatch(/SetInfo\(\)/);
      expect(text, name).not.toMatch(/logonpasswordchg/i);
    }
    const reset = await script('reset.ps1');
    expect(reset).toMatch(/\$entry\.PasswordExpired = 1\s+\$entry\.SetInfo\(\)/);
    expect(reset).toMatch(/'\/logonpasswordchg:yes'/);
  });
});
