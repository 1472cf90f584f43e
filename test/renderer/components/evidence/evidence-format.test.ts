import { describe, expect, it } from 'vitest';
import {
  evidenceSummary,
  exitStatusText,
  exitStatusTone,
  formatEvidenceTime,
  httpFacts,
  httpStatusTone,
  urlPath,
} from '../../../../renderer/components/evidence/evidence-format';

describe('evidence wording', () => {
  const http = {
    kind: 'http' as const,
    method: 'patch',
    url: 'https://graph.microsoft.com/v1.0/users/42?$select=id',
    status: 403,
    requestId: 'req-1',
    errorCode: 'Authorization_RequestDenied',
    at: '2026-01-15T14:02:07Z',
  };

  it('shows the path of a call and keeps the host as a fact', () => {
    expect(urlPath(http.url)).toBe('/v1.0/users/42?$select=id');
    expect(urlPath('/api/v1/users/00u1/lifecycle/expire_password')).toBe('/api/v1/users/00u1/lifecycle/expire_password');
    const facts = httpFacts(http);
    expect(facts.map((fact) => fact.label)).toEqual(['Host', 'Request id', 'Error code', 'Time']);
    expect(facts[0]?.value).toBe('graph.microsoft.com');
  });

  it('tones statuses and exit codes by their meaning', () => {
    expect([200, 204, 302, 403, 429, 0].map(httpStatusTone)).toEqual(['good', 'good', 'neutral', 'bad', 'bad', 'bad']);
    expect([exitStatusTone(0), exitStatusTone(1), exitStatusTone('Completed'), exitStatusTone('Failed')]).toEqual(['good', 'bad', 'good', 'bad']);
    expect(exitStatusText(0)).toBe('Exit status 0');
    expect(exitStatusText('Failed')).toBe('Exit status: Failed');
  });

  it('summarises each kind in one line', () => {
    expect(evidenceSummary(http)).toBe('PATCH /v1.0/users/42?$select=id → 403');
    expect(evidenceSummary({ kind: 'powershell', host: 'WS-ADMIN01', script: 'read-state.ps1', exitStatus: 0, output: '', at: http.at })).toBe(
      'read-state.ps1 on WS-ADMIN01: exit status 0',
    );
    expect(evidenceSummary({ kind: 'note', text: 'Renamed since listed.', at: http.at })).toBe('Renamed since listed.');
  });

  it('keeps an unreadable time as it was recorded', () => {
    expect(formatEvidenceTime('yesterday')).toBe('yesterday');
    expect(formatEvidenceTime('2026-01-15T14:02:07Z')).toMatch(/\d{2}.\d{2}.\d{2}/);
  });
});
