// Loading the PowerShell scripts Rekey ships as readable files in
// resources/powershell/. Their text is sent to the session once (as base64)
// and kept there as script blocks.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { scriptNames, type ScriptName } from './protocol';

export interface ScriptSources {
  /** session.ps1: the functions every request goes through. */
  session: string;
  scripts: Record<ScriptName, string>;
}

/**
 * Where the scripts are when running from the source tree (tests, practice
 * host). A packaged app passes its own folder (process.resourcesPath/powershell).
 */
export function sourceTreeScriptsDir(): string {
  return fileURLToPath(new URL('../../resources/powershell/', import.meta.url));
}

/** The line in each task script where common.ps1 belongs. */
export const commonMarker = '# @rekey-common: Rekey inserts common.ps1 (the Windows seam and shared helpers) here.';

/**
 * Insert common.ps1 at the task script's marker line. Each script block Rekey
 * sends must be self-contained (a remote host through Invoke-Command knows
 * nothing of other files), while on disk the shared part exists once.
 */
export function composeScript(name: string, script: string, common: string): string {
  const lines = script.split(/\r?\n/);
  const at = lines.indexOf(commonMarker);
  if (at < 0 || lines.indexOf(commonMarker, at + 1) >= 0) {
    throw new Error(`${name}.ps1 must contain the line "${commonMarker}" exactly once; reinstall Rekey or restore the file.`);
  }
  return [...lines.slice(0, at), common.trimEnd(), ...lines.slice(at + 1)].join('\n');
}

export async function loadScriptSources(dir: string = sourceTreeScriptsDir()): Promise<ScriptSources> {
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const common = await read('common.ps1');
  const entries = await Promise.all(scriptNames.map(async (name) => [name, composeScript(name, await read(`${name}.ps1`), common)] as const));
  return {
    session: await read('session.ps1'),
    scripts: Object.fromEntries(entries) as Record<ScriptName, string>,
  };
}
