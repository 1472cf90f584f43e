import { describe, expect, it } from 'vitest';
import type { VerifiedState } from '../../../main/core/domain';
import { judgeVerification, provesApplied } from '../../../main/core/verify';
import { allCapabilities } from './fakes';

const started = '2026-05-04T09:00:00.000Z';
const state = (extra: Partial<VerifiedState>): VerifiedState => ({ directoryId: 'd', accountId: 'a', mustChange: 'yes', checkedAt: started, via: 'Graph', evidence: [], ...extra });
const ran = (...steps: Array<'force-change' | 'end-sessions' | 'clear-never-expires'>) => steps.map((step) => ({ step, status: 'done', startedAt: started }));
const judge = (steps: ReturnType<typeof ran>, s: VerifiedState, capabilities = allCapabilities) => judgeVerification({ key: 'k', steps, state: s, capabilities });

describe('verification rules', () => {
  it('force-change needs must-change to read yes', () => {
    expect(judge(ran('force-change'), state({})).outcome).toBe('verified');
    expect(judge(ran('force-change'), state({ mustChange: 'no' }))).toMatchObject({ outcome: 'not-verified', reasons: [expect.stringContaining('reads no')] });
    expect(judge(ran('force-change'), state({ mustChange: 'unknown' })).outcome).toBe('could-not-verify');
  });

  it('end-sessions needs a revocation time no earlier than the step start minus the skew, when the directory can tell', () => {
    expect(judge(ran('end-sessions'), state({ sessionsRevokedSince: '2026-05-04T09:00:05.000Z' })).outcome).toBe('verified');
    expect(judge(ran('end-sessions'), state({ sessionsRevokedSince: '2026-05-04T08:59:00.000Z' })).outcome).toBe('verified');
    expect(judge(ran('end-sessions'), state({ sessionsRevokedSince: '2026-05-04T08:50:00.000Z' }))).toMatchObject({ outcome: 'not-verified', reasons: [expect.stringContaining('verify again')] });
    expect(judge(ran('end-sessions'), state({ sessionsRevokedSince: null })).outcome).toBe('not-verified');
    expect(judge(ran('end-sessions'), state({})).outcome).toBe('could-not-verify');
    const okta = { ...allCapabilities, readsSessionRevocation: false };
    expect(judge(ran('end-sessions'), state({}), okta)).toMatchObject({ outcome: 'verified', reasons: [expect.stringContaining('cannot be read back')] });
  });

  it('clearing never-expires needs neverExpires false', () => {
    expect(judge(ran('clear-never-expires'), state({ neverExpires: false })).outcome).toBe('verified');
    expect(judge(ran('clear-never-expires'), state({ neverExpires: true })).outcome).toBe('not-verified');
    expect(judge(ran('clear-never-expires'), state({ neverExpires: null })).outcome).toBe('could-not-verify');
  });

  it('a mismatch outweighs an unknown, an unreadable account cannot be verified, failed steps are not checked', () => {
    expect(judge(ran('force-change', 'clear-never-expires'), state({ mustChange: 'no', neverExpires: null })).outcome).toBe('not-verified');
    expect(judge(ran('force-change'), state({ error: 'timeout' }))).toMatchObject({ outcome: 'could-not-verify', reasons: [expect.stringContaining('timeout')] });
    expect(judge([{ step: 'force-change', status: 'failed', startedAt: started }], state({ mustChange: 'no' })).outcome).toBe('could-not-verify');
  });
});

describe('proof of an already applied reset (resume)', () => {
  it('requires every step to be positively observed', () => {
    expect(provesApplied(['force-change', 'end-sessions'], state({ sessionsRevokedSince: '2026-05-04T09:00:01.000Z' }), allCapabilities, started)).toBe(true);
    expect(provesApplied(['force-change', 'end-sessions'], state({ sessionsRevokedSince: '2026-05-04T09:00:01.000Z' }), { ...allCapabilities, readsSessionRevocation: false }, started)).toBe(false);
    expect(provesApplied(['force-change'], state({ mustChange: 'no' }), allCapabilities, started)).toBe(false);
    expect(provesApplied(['clear-never-expires', 'force-change'], state({ neverExpires: false }), allCapabilities, started)).toBe(true);
    expect(provesApplied(['force-change'], state({ error: 'x' }), allCapabilities, started)).toBe(false);
    expect(provesApplied([], state({}), allCapabilities, started)).toBe(false);
  });
});
