// A flow wired to practice directories, a virtual clock and an in-memory journal store.
import type { Directory } from '../../../main/core/domain';
import { createRekeyFlow, type RekeyFlow } from '../../../main/flow/service';
import { createSampleDirectories, type SampleDirectoryOptions } from '../../../main/practice/sample-directory';
import { memorySettingsStore } from '../../../main/storage/settings';
import type { RunJournalStore } from '../../../main/core/run-records';
import { FakeClock, MemoryJournalStore, testHasher } from '../core/fakes';

export interface FlowFixture {
  flow: RekeyFlow;
  clock: FakeClock;
  journals: MemoryJournalStore;
  directories: Directory[];
}

export function practiceFlow(options: SampleDirectoryOptions = {}, journals?: RunJournalStore): FlowFixture & { journals: MemoryJournalStore } {
  const clock = new FakeClock();
  const store = (journals as MemoryJournalStore | undefined) ?? new MemoryJournalStore(clock);
  const directories = createSampleDirectories({ clock, ...options });
  let n = 0;
  const flow = createRekeyFlow({
    directories: () => directories,
    settings: memorySettingsStore(),
    journals: store,
    hasher: testHasher,
    clock,
    operator: 'alice',
    practice: true,
    newId: (prefix) => `${prefix}-${++n}`,
    random: () => 0.5,
  });
  return { flow, clock, journals: store, directories };
}
