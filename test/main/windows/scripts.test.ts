// Every PowerShell file Rekey ships (and the simulated SAM the pwsh test loads)
// is parsed by the PowerShell grammar: no PowerShell is installable here, so
// this is the check that each script is at least well-formed.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commandNames, functionDefinitions, powerShellSyntaxProblems } from '../../support/powershell-parse';

const scriptsDir = join(process.cwd(), 'resources', 'powershell');
const moduleFile = join(process.cwd(), 'test', 'fixtures', 'powershell', 'SimulatedSam.psm1');
const taskScripts = ['list.ps1', 'reset.ps1', 'read-state.ps1', 'preflight.ps1'];

async function script(name: string): Promise<string> {
  return readFile(join(scriptsDir, name), 'utf8');
}

describe('the PowerShell scripts in resources/powershell', () => {
  it('are exactly the bootstrap and the four task scripts', async () => {
    const files = (await readdir(scriptsDir)).filter((f) => f.endsWith('.ps1')).sort();
    expect(files).toEqual(['list.ps1', 'preflight.ps1', 'read-state.ps1', 'reset.ps1', 'session.ps1']);
  });

  it.each(['session.ps1', ...taskScripts])('%s parses with no error and no missing node', async (name) => {
    expect(await powerShellSyntaxProblems(await script(name))).toEqual([]);
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

  it('share their helpers and Windows seam word for word, so one fix reaches all four', async () => {
    const definitions = await Promise.all(taskScripts.map(async (name) => functionDefinitions(await script(name))));
    const shared = [
      'Get-RekeyAdsiUser',
      'Get-RekeyAdsiGroupMemberSid',
      'Invoke-RekeyNetUser',
      'Get-RekeyComputerName',
      'Get-RekeyCallerIdentity',
      'Test-RekeyElevated',
      'Test-RekeyRemoteSession',
      'ConvertFrom-RekeyPayload',
      'ConvertTo-RekeyResult',
      'ConvertTo-RekeyIsoDate',
      'Read-RekeyAdsiInt',
      'Get-RekeyRid',
      'Test-RekeyAccountName',
    ];
    for (const name of shared) {
      const texts = definitions.map((d) => d.get(name));
      expect(texts.every((t) => t !== undefined), name).toBe(true);
      expect(new Set(texts).size, name).toBe(1);
    }
  });

  it('the simulated SAM defines every seam function the scripts let it replace', async () => {
    const reset = await script('reset.ps1');
    const seams = [...reset.matchAll(/Get-Command -Name '([A-Za-z-]+)' -CommandType Function/g)].map((m) => m[1]);
    expect(seams.length).toBe(7);
    const module = await functionDefinitions(await readFile(moduleFile, 'utf8'));
    for (const seam of seams) expect(module.has(seam ?? ''), seam).toBe(true);
    // ...and the Windows-only cmdlets the scripts call directly.
    for (const cmdlet of ['Get-LocalUser', 'Get-LocalGroup', 'Get-LocalGroupMember']) expect(module.has(cmdlet), cmdlet).toBe(true);
  });

  it('never use the commands that do not set "must change" or that run text as code', async () => {
    for (const name of ['session.ps1', ...taskScripts]) {
      const commands = (await commandNames(await script(name))).map((c) => c.toLowerCase());
      for (const forbidden of ['wmic', 'set-localuser', 'invoke-expression', 'iex', 'add-type']) {
        expect(commands, `${name} calls ${forbidden}`).not.toContain(forbidden);
      }
    }
  });

  it('only reset.ps1 writes to the SAM', async () => {
    for (const name of ['list.ps1', 'read-state.ps1', 'preflight.ps1']) {
      const text = await script(name);
      expect(text, name).not.toMatch(/SetInfo\(\)/);
      expect(text, name).not.toMatch(/logonpasswordchg/i);
    }
    const reset = await script('reset.ps1');
    expect(reset).toMatch(/\$entry\.PasswordExpired = 1\s+\$entry\.SetInfo\(\)/);
    expect(reset).toMatch(/'\/logonpasswordchg:yes'/);
  });
});
