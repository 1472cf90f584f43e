import { describe, expect, it } from 'vitest';
import type { LookupMatch, LookupResult } from '../../../../renderer/state/verify-store';
import {
  accountFacts,
  directoryName,
  explanationAnnouncement,
  languageName,
  lookupAnnouncement,
  recheckRequest,
  searchedItems,
} from '../../../../renderer/screens/Verify/verify-view';

function match(overrides: Partial<LookupMatch['account']> = {}): LookupMatch {
  return {
    account: {
      directoryId: 'windows:this-computer',
      kind: 'windows',
      id: 'S-1-5-21-1-2-3-1005',
      login: 'svc-backup',
      displayName: 'Backup service',
      enabled: true,
      privileged: false,
      groups: [],
      attributes: { host: 'WS-ADMIN01' },
      ...overrides,
    },
    state: { directoryId: 'windows:this-computer', accountId: 'S-1-5-21-1-2-3-1005', mustChange: 'yes', checkedAt: '2026-01-15T14:02:00Z', via: 'ADSI', evidence: [] },
    findings: [{ label: 'Must change password at next sign-in', value: 'Yes — checked 14:02 via ADSI', tone: 'good' }],
  };
}

const searched: LookupResult['searched'] = [
  { directoryId: 'entra:contoso', displayName: 'Contoso', matched: 0 },
  { directoryId: 'windows:this-computer', displayName: 'This computer', matched: 1 },
  { directoryId: 'windows:remote', displayName: 'Remote hosts', matched: 0, error: 'Remote hosts could not be searched: MADRID-WS07 did not answer.' },
];

describe('lookup announcement', () => {
  it('says how many accounts were found and which directories failed', () => {
    expect(lookupAnnouncement('svc-backup', { matches: [match()], searched })).toBe('Found 1 account matching "svc-backup". 1 directory could not be searched.');
    expect(lookupAnnouncement('svc-backup', { matches: [match(), match({ id: 'other' })], searched: searched.slice(0, 2) })).toBe('Found 2 accounts matching "svc-backup".');
  });

  it('says plainly when nothing was found, and where it looked', () => {
    expect(lookupAnnouncement('nobody', { matches: [], searched })).toBe('No account matching "nobody" was found in 2 directories. 1 directory could not be searched.');
    expect(lookupAnnouncement('nobody', { matches: [], searched: [searched[2] as LookupResult['searched'][number]] })).toBe(
      'No account matching "nobody" was found. 1 directory could not be searched.',
    );
    expect(lookupAnnouncement('nobody', { matches: [], searched: [] })).toBe('No directory is connected, so there was nowhere to look. Connect one under Connections.');
  });
});

describe('searched directories', () => {
  it('gives each directory a sentence and keeps the error apart', () => {
    expect(searchedItems(searched)).toEqual([
      { directoryId: 'entra:contoso', text: 'Contoso: no match.', error: null },
      { directoryId: 'windows:this-computer', text: 'This computer: 1 match.', error: null },
      { directoryId: 'windows:remote', text: 'Remote hosts: could not be searched.', error: 'Remote hosts could not be searched: MADRID-WS07 did not answer.' },
    ]);
    expect(searchedItems([{ directoryId: 'o', displayName: 'Okta', matched: 3 }])[0]?.text).toBe('Okta: 3 matches.');
  });
});

describe('account facts and re-checks', () => {
  it('names the login, directory, its kind and the host', () => {
    expect(accountFacts(match(), searched)).toEqual([
      { label: 'Login', value: 'svc-backup' },
      { label: 'Directory', value: 'This computer' },
      { label: 'Kind', value: 'Windows local' },
      { label: 'Host', value: 'WS-ADMIN01' },
    ]);
    const admin = match({ kind: 'entra', directoryId: 'entra:contoso', attributes: {} });
    expect(accountFacts(admin, searched)).toEqual([
      { label: 'Login', value: 'svc-backup' },
      { label: 'Directory', value: 'Contoso' },
      { label: 'Kind', value: 'Entra ID' },
    ]);
    expect(directoryName(match({ directoryId: 'gone' }), searched)).toBe('gone');
  });

  it('checks the same account again in its own directory and on its own host', () => {
    expect(recheckRequest(match())).toEqual({ name: 'svc-backup', directoryIds: ['windows:this-computer'], host: 'WS-ADMIN01' });
    expect(recheckRequest(match({ directoryId: 'okta:f', attributes: {} }))).toEqual({ name: 'svc-backup', directoryIds: ['okta:f'] });
  });
});

describe('net user explanation words', () => {
  it('names the language it read', () => {
    expect(languageName('de')).toBe('German (de)');
    expect(languageName('fr-FR')).toBe('French (fr-FR)');
    expect(languageName('xx')).toBe('xx');
  });

  it('announces the explanation in one sentence', () => {
    expect(
      explanationAnnouncement({ language: 'en', userName: 'lena', findings: [{ label: 'a', value: 'b', tone: 'good' }], caveats: [], unrecognised: ['Foo', 'Bar'] }),
    ).toBe('Explained net user output for lena in English (en): 1 finding, 2 unrecognised lines.');
  });
});
