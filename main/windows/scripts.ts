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

export async function loadScriptSources(dir: string = sourceTreeScriptsDir()): Promise<ScriptSources> {
  const read = (file: string) => readFile(join(dir, file), 'utf8');
  const entries = await Promise.all(scriptNames.map(async (name) => [name, await read(`${name}.ps1`)] as const));
  return {
    session: await read('session.ps1'),
    scripts: Object.fromEntries(entries) as Record<ScriptName, string>,
  };
}
