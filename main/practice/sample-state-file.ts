// Keeps the practice directories' state in a JSON file, so what a practice
// run changed is still there in the next process (CLI runs, resume after a
// crash). Written to a temporary file and renamed over the old one, so a
// process killed mid-write leaves the previous state, never half a file.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { SampleAccountState, SampleStateStore } from './sample-directory';

export function fileSampleState(file: string): SampleStateStore {
  return {
    load() {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as Record<string, SampleAccountState>;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
        throw new Error(`The practice state file ${file} is damaged (${(error as Error).message}); delete it to start the practice tenant afresh.`);
      }
    },
    save(states) {
      mkdirSync(path.dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(states), { encoding: 'utf8', mode: 0o600 });
      renameSync(temporary, file);
    },
  };
}
