// One connection: its name and kind, status, facts, warnings, and the actions
// Sign in / Sign out / Check / Remove, with Check's findings underneath.
import { Badge, Button, makeStyles, MessageBar, MessageBarBody, Spinner, Text, tokens } from '@fluentui/react-components';
import { ArrowEnterRegular, ArrowExitRegular, DeleteRegular, StethoscopeRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ConnectionView } from '../../../preload/contract';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { idleActivity, useConnectionsStore } from '../../state/connections-store';
import { DiagnosticsList } from './DiagnosticsList';
import { cardActions, kindLabels, statusBadge } from './model/connection-view';
import { PublicKeyBlock } from './PublicKeyBlock';
import { RemoveConnectionDialog } from './RemoveConnectionDialog';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  kind: { color: tokens.colorNeutralForeground2 },
  detail: { color: tokens.colorNeutralForeground2 },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  factRow: { display: 'contents' },
  factLabel: { color: tokens.colorNeutralForeground2 },
  factValue: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  diagnostics: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, paddingTop: tokens.spacingVerticalS, borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
});

export function ConnectionCard({ view }: { view: ConnectionView }) {
  const styles = useStyles();
  const { api } = useRekeyConnection();
  const activity = useConnectionsStore((state) => state.activity[view.id]) ?? idleActivity;
  const store = useConnectionsStore.getState;
  const [confirmRemove, setConfirmRemove] = useState(false);
  const badge = statusBadge(view, activity.busy);
  const actions = cardActions(view, activity);
  const titleId = `connection-${view.id}-title`.replace(/[^A-Za-z0-9_-]/g, '-');

  return (
    <article className={styles.card} aria-labelledby={titleId} data-connection={view.id}>
      <div className={styles.header}>
        <h3 id={titleId} className={styles.title}>
          {view.displayName}
        </h3>
        <Badge appearance="filled" color={badge.color} shape="rounded">
          {badge.label}
        </Badge>
        {view.practice && (
          <Badge appearance="outline" color="warning" shape="rounded">
            Practice
          </Badge>
        )}
        <Text size={200} className={styles.kind}>
          {kindLabels[view.kind]}
        </Text>
      </div>
      {view.detail && <Text className={styles.detail}>{view.detail}</Text>}
      {view.facts.length > 0 && (
        <dl className={styles.facts}>
          {view.facts.map((fact) => (
            <div key={fact.label} className={styles.factRow}>
              <dt className={styles.factLabel}>{fact.label}</dt>
              <dd className={styles.factValue}>{fact.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {view.warnings.map((warning) => (
        <MessageBar key={warning} intent="warning" layout="multiline">
          <MessageBarBody>{warning}</MessageBarBody>
        </MessageBar>
      ))}
      {view.publicJwk && <PublicKeyBlock jwk={view.publicJwk} />}
      {activity.error && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{activity.error}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        {actions.signIn && (
          <Button appearance="primary" icon={<ArrowEnterRegular />} disabled={actions.busy} onClick={() => void store().signIn(api.connections, view.id)}>
            Sign in
          </Button>
        )}
        {actions.signOut && (
          <Button icon={<ArrowExitRegular />} disabled={actions.busy} onClick={() => void store().signOut(api.connections, view.id)}>
            Sign out
          </Button>
        )}
        <Button icon={activity.busy === 'checking' ? <Spinner size="tiny" aria-hidden /> : <StethoscopeRegular />} disabled={actions.busy} onClick={() => void store().check(api.connections, view.id)}>
          Check
        </Button>
        <Button icon={<DeleteRegular />} disabled={actions.busy} onClick={() => setConfirmRemove(true)}>
          Remove
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {activity.diagnostics && (
          <section className={styles.diagnostics} aria-label={`Check results for ${view.displayName}`}>
            <h4 className={styles.heading}>Check results</h4>
            <DiagnosticsList diagnostics={activity.diagnostics} label={`Findings for ${view.displayName}`} />
          </section>
        )}
      </div>
      {confirmRemove && (
        <RemoveConnectionDialog
          view={view}
          onCancel={() => setConfirmRemove(false)}
          onConfirm={() => {
            setConfirmRemove(false);
            void store().remove(api.connections, view.id);
          }}
        />
      )}
    </article>
  );
}
