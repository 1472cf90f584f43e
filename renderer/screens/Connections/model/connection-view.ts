// How a connection reads on its card: its kind in words, its status badge,
// which actions make sense now, and whether a remove needs more than a click.
import type { ConnectionView } from '../../../../preload/contract';
import type { ConnectionActivity, ConnectionOperation } from '../../../state/connections-store';

export type ConnectionKind = ConnectionView['kind'];

export const kindLabels: Record<ConnectionKind, string> = {
  entra: 'Microsoft Entra ID tenant',
  okta: 'Okta org',
  'windows-local': 'This computer (Windows local accounts)',
  'windows-remote': 'Remote Windows computers',
  practice: 'Practice directories',
};

export type BadgeColor = 'success' | 'informative' | 'danger' | 'brand' | 'warning';

export function statusBadge(view: ConnectionView, busy: ConnectionOperation | null): { label: string; color: BadgeColor } {
  switch (busy) {
    case 'signing-in':
      return { label: 'Signing in…', color: 'brand' };
    case 'signing-out':
      return { label: 'Signing out…', color: 'brand' };
    case 'removing':
      return { label: 'Removing…', color: 'brand' };
    case 'checking':
      return { label: 'Checking…', color: 'brand' };
    case null:
      break;
  }
  switch (view.status) {
    case 'connected':
      return { label: 'Connected', color: 'success' };
    case 'signed-out':
      return { label: 'Signed out', color: 'informative' };
    case 'error':
      return { label: 'Error', color: 'danger' };
    case 'checking':
      return { label: 'Checking…', color: 'brand' };
  }
}

export interface CardActions {
  signIn: boolean;
  signOut: boolean;
  check: boolean;
  remove: boolean;
  /** Every action waits while one runs. */
  busy: boolean;
}

export function cardActions(view: ConnectionView, activity: ConnectionActivity): CardActions {
  const busy = activity.busy !== null || view.status === 'checking';
  return {
    signIn: view.status === 'signed-out' || view.status === 'error',
    signOut: view.status === 'connected',
    check: true,
    remove: true,
    busy,
  };
}

/** What removing forgets, in the confirmation's words. */
export function removeConsequence(view: ConnectionView): string {
  switch (view.kind) {
    case 'entra':
      return 'Rekey signs out of the tenant, deletes its token cache and any certificate key it stored, and its accounts leave the list. The app registration in Entra ID is not touched.';
    case 'okta':
      return 'Rekey deletes the private key or API token it stored for this org, and its accounts leave the list. The service app and tokens in Okta are not touched: revoke them there if they are no longer needed.';
    case 'windows-local':
      return "This computer's local accounts leave the list. Nothing on the computer changes.";
    case 'windows-remote':
      return 'These computers leave the list and the password held for this session is dropped. Nothing on the computers changes.';
    case 'practice':
      return 'The practice directories stop and their accounts leave the list. You can add them again at any time.';
  }
}
