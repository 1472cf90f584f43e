import { describe, expect, it } from 'vitest';
import { chartSeries, integrityText, isFailedListing, outcomeCounts } from '../../../../renderer/screens/Activity/activity-view';
import type { RunListingDto } from '../../../../renderer/state/activity-store';

function run(runId: string, startedAt: string, finalStates: Record<string, number>): RunListingDto {
  return { runId, startedAt, lastAt: startedAt, operator: 'practice', practice: true, status: 'finished', planned: 10, excluded: 1, finalStates };
}

// activity.runs answers newest first.
const listings: RunListingDto[] = [
  run('run-3', '2026-11-21T15:00:00.000Z', { verified: 9, failed: 1, excluded: 1 }),
  { runId: 'run-2', error: 'The journal file could not be read: unexpected end of JSON.' },
  run('run-1', '2026-11-21T14:00:00.000Z', { verified: 3 }),
];

describe('activity view', () => {
  it('charts readable runs oldest first, leaving out listings that failed to read', () => {
    const series = chartSeries(listings);
    expect(series.map((s) => s.id)).toEqual(['run-1', 'run-3']);
    expect(series[1]!.counts).toEqual({ verified: 9, failed: 1, excluded: 1 });
    expect(listings.filter(isFailedListing).map((l) => l.runId)).toEqual(['run-2']);
  });

  it('charts only the most recent runs when there are many', () => {
    const many = Array.from({ length: 50 }, (_, i) => run(`run-${50 - i}`, `2026-11-${String(1 + (i % 28)).padStart(2, '0')}T10:00:00.000Z`, { verified: 1 }));
    const series = chartSeries(many, 40);
    expect(series).toHaveLength(40);
    expect(series[39]!.id).toBe('run-50');
    expect(series[0]!.id).toBe('run-11');
  });

  it('lists outcome counts in chart order without zeros', () => {
    expect(outcomeCounts({ excluded: 2, verified: 5, failed: 0, 'not-approved': 1 })).toEqual([
      { state: 'verified', count: 5 },
      { state: 'not-approved', count: 1 },
      { state: 'excluded', count: 2 },
    ]);
  });

  it('words the journal integrity check: verified chain or the first broken record', () => {
    expect(integrityText({ ok: true, records: 1204, finished: true })).toEqual({ ok: true, text: 'Chain verified: 1,204 records' });
    expect(integrityText({ ok: true, records: 1, finished: false })).toEqual({ ok: true, text: 'Chain verified: 1 record (run not finished)' });
    expect(integrityText({ ok: false, records: 40, line: 18, seq: 17, problem: 'the hash does not match the record' })).toEqual({
      ok: false,
      text: 'Broken at record 17: the hash does not match the record',
    });
    expect(integrityText({ ok: false, records: 40, line: 18, seq: null, problem: 'not JSON' }).text).toBe('Broken at line 18: not JSON');
  });
});
