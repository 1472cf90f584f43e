// Where a real PowerShell 7 is, if anywhere: on PATH, or unpacked into .tools/
// (where .ci/run's `dotnet tool install --tool-path .tools PowerShell` puts it),
// a few levels deep at most. Shared by the pwsh script tests and the benchmark.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findPwsh(): string | null {
  const names = process.platform === 'win32' ? ['pwsh.exe'] : ['pwsh'];
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    for (const name of names) if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  const search = (dir: string, depth: number): string | null => {
    if (depth < 0 || !existsSync(dir)) return null;
    for (const entry of readdirSync(dir)) {
      const path = join(dir, entry);
      if (names.includes(entry) && statSync(path).isFile()) return path;
      if (statSync(path).isDirectory()) {
        const found = search(path, depth - 1);
        if (found) return found;
      }
    }
    return null;
  };
  return search(join(process.cwd(), '.tools'), 3);
}
