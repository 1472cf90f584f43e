import { beforeEach, describe, expect, it } from 'vitest';
import { matchKey, useVerifyStore, type LookupMatch } from '../../../renderer/state/verify-store';

function match(id: string, mustChange: 'yes' | 'no' = 'no'): LookupMatch {
  return {
    account: { directoryId: 'okta:fabrikam', kind: 'okta', id, login: `${id}@fabrikam.example`, displayName: id, enabled: true, privileged: false, groups: [], attributes: {} },
    state: { directoryId: 'okta:fabrikam', accountId: id, mustChange, checkedAt: '2026-01-15T14:02:00Z', via: 'Okta API', evidence: [] },
    findings: [],
  };
}

const initial = useVerifyStore.getState();
beforeEach(() => useVerifyStore.setState(initial, true));

describe('verify store', () => {
  it('keeps the answer, counts answers, and forgets open evidence and re-checks of the previous answer', () => {
    const store = useVerifyStore.getState();
    const request = { name: 'ann' };
    store.lookupStarted(request);
    expect(useVerifyStore.getState().lookup).toEqual({ kind: 'loading', request });
    store.toggleEvidence('okta:fabrikam|ann');
    store.recheckFailed('okta:fabrikam|ann', 'no');
    store.lookupFinished(request, { matches: [match('ann')], searched: [] });
    const state = useVerifyStore.getState();
    expect(state.lookup.kind).toBe('done');
    expect(state.evidenceOpen).toEqual({});
    expect(state.recheck).toEqual({});
    expect(state.answerSerial).toBe(1);
    store.lookupFailed(request, 'The host stopped answering.');
    expect(useVerifyStore.getState().answerSerial).toBe(2);
  });

  it('replaces only the re-checked account with its fresh state', () => {
    const store = useVerifyStore.getState();
    store.lookupFinished({ name: 'a' }, { matches: [match('ann'), match('bob')], searched: [] });
    const key = matchKey(match('bob'));
    store.recheckStarted(key);
    expect(useVerifyStore.getState().recheck[key]).toEqual({ kind: 'checking' });
    store.recheckFinished(key, match('bob', 'yes'));
    const { lookup, recheck } = useVerifyStore.getState();
    if (lookup.kind !== 'done') throw new Error('lookup lost');
    expect(lookup.result.matches.map((m) => m.state.mustChange)).toEqual(['no', 'yes']);
    expect(recheck).toEqual({ [key]: { kind: 'checked' } });
  });

  it('says so when a re-checked account is not found again', () => {
    const store = useVerifyStore.getState();
    store.lookupFinished({ name: 'a' }, { matches: [match('ann')], searched: [] });
    const key = matchKey(match('ann'));
    store.recheckFinished(key, null, 'ann was not found this time.');
    expect(useVerifyStore.getState().recheck[key]).toEqual({ kind: 'gone', message: 'ann was not found this time.' });
    const { lookup } = useVerifyStore.getState();
    expect(lookup.kind === 'done' && lookup.result.matches.length).toBe(1);
  });

  it('toggles evidence per account', () => {
    const store = useVerifyStore.getState();
    store.toggleEvidence('a');
    store.toggleEvidence('b');
    store.toggleEvidence('a');
    expect(useVerifyStore.getState().evidenceOpen).toEqual({ a: false, b: true });
  });
});
