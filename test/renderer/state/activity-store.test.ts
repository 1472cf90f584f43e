import { describe, expect, it } from 'vitest';
import { useActivityStore } from '../../../renderer/state/activity-store';

describe('activity store', () => {
  it('keeps each run’s integrity answer until the list is reloaded', () => {
    const store = useActivityStore.getState();
    store.setIntegrity('run-1', { status: 'loaded', value: { ok: true, records: 42, finished: true } });
    store.setIntegrity('run-2', { status: 'failed', error: 'The journal file is missing.' });
    expect(Object.keys(useActivityStore.getState().integrity)).toEqual(['run-1', 'run-2']);
    expect(useActivityStore.getState().integrity['run-1']).toEqual({ status: 'loaded', value: { ok: true, records: 42, finished: true } });
    useActivityStore.getState().reloading();
    expect(useActivityStore.getState()).toMatchObject({ runs: { status: 'loading' }, timeline: { status: 'loading' }, integrity: {} });
  });
});
