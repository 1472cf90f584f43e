// The Activity screen's data: every run with its outcome counts, the timeline,
// and each run's journal integrity. Checking a hash chain reads the whole
// journal, so it is done lazily, once per run, and the answer is kept until
// the list is reloaded (a run that was still going may have grown since).
import { create } from 'zustand';
import type { z } from 'zod';
import type { journalIntegrity, runListing, timelineEntry } from '../../preload/contract';

export type RunListingDto = z.infer<typeof runListing>;
export type TimelineEntryDto = z.infer<typeof timelineEntry>;
export type JournalIntegrityDto = z.infer<typeof journalIntegrity>;

export type Loadable<T> = { status: 'idle' } | { status: 'loading' } | { status: 'loaded'; value: T } | { status: 'failed'; error: string };

export interface ActivityStoreState {
  runs: Loadable<RunListingDto[]>;
  timeline: Loadable<TimelineEntryDto[]>;
  integrity: Record<string, Loadable<JournalIntegrityDto>>;
  setRuns(runs: Loadable<RunListingDto[]>): void;
  setTimeline(timeline: Loadable<TimelineEntryDto[]>): void;
  setIntegrity(runId: string, integrity: Loadable<JournalIntegrityDto>): void;
  /** Start a reload: the integrity answers are forgotten too. */
  reloading(): void;
}

export const useActivityStore = create<ActivityStoreState>()((set, get) => ({
  runs: { status: 'idle' },
  timeline: { status: 'idle' },
  integrity: {},
  setRuns: (runs) => set({ runs }),
  setTimeline: (timeline) => set({ timeline }),
  setIntegrity: (runId, integrity) => set({ integrity: { ...get().integrity, [runId]: integrity } }),
  reloading: () => set({ runs: { status: 'loading' }, timeline: { status: 'loading' }, integrity: {} }),
}));
