import { describe, expect, it } from 'vitest';
import type { ConnectionView } from '../../../../../preload/contract';
import { cardActions, kindLabels, removeConsequence, statusBadge } from '../../../../../renderer/screens/Connections/model/connection-view';
import { idleActivity } from '../../../../../renderer/state/connections-store';

const view = (change: Partial<ConnectionView> = {}): ConnectionView => ({
  id: 'entra:contoso',
  kind: 'entra',
  directoryKind: 'entra',
  displayName: 'Contoso',
  status: 'connected',
  practice: false,
  facts: [],
  warnings: [],
  ...change,
});

describe('connection card view', () => {
  it('shows the status, or the action under way', () => {
    expect(statusBadge(view(), null)).toEqual({ label: 'Connected', color: 'success' });
    expect(statusBadge(view({ status: 'signed-out' }), null)).toEqual({ label: 'Signed out', color: 'informative' });
    expect(statusBadge(view({ status: 'error' }), null)).toEqual({ label: 'Error', color: 'danger' });
    expect(statusBadge(view(), 'checking').label).toBe('Checking…');
  });

  it('offers sign in when signed out or failed, sign out when connected, and waits while busy', () => {
    expect(cardActions(view(), idleActivity)).toMatchObject({ signIn: false, signOut: true, check: true, remove: true, busy: false });
    expect(cardActions(view({ status: 'error' }), idleActivity)).toMatchObject({ signIn: true, signOut: false });
    expect(cardActions(view(), { ...idleActivity, busy: 'signing-out' }).busy).toBe(true);
    expect(cardActions(view({ status: 'checking' }), idleActivity).busy).toBe(true);
  });

  it('names every kind and says what removing forgets', () => {
    for (const kind of ['entra', 'okta', 'windows-local', 'windows-remote', 'practice'] as const) {
      expect(kindLabels[kind]).not.toBe('');
      expect(removeConsequence(view({ kind }))).toMatch(/\.$/);
    }
    expect(removeConsequence(view({ kind: 'okta' }))).toMatch(/revoke them there/);
  });
});
