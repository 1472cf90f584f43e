import { describe, expect, it } from 'vitest';
import { previewIsStale } from '../../../../../renderer/screens/Settings/approval/rule-preview';

describe('rule preview staleness', () => {
  const rule = { id: 'r', when: { privileged: true }, decision: 'confirm' as const };
  const done = { kind: 'done' as const, rule, result: { matches: 1, of: 2, sample: [] } };
  it('is stale only when the conditions changed', () => {
    expect(previewIsStale(done, { ...rule, decision: 'block', description: 'new words' })).toBe(false);
    expect(previewIsStale(done, { ...rule, when: { privileged: true, namePattern: 'a*' } })).toBe(true);
    expect(previewIsStale({ kind: 'idle' }, { ...rule, when: {} })).toBe(false);
  });
});
