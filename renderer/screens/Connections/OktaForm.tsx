// Add an Okta org: its address, and either a private-key service app
// (recommended: Rekey generates the key pair) or an API token (which acts with
// its creator's full admin rights, and says so).
import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import type { ConnectionView } from '../../../preload/contract';
import { AddStatusMessage } from './AddStatusMessage';
import { useFormStyles } from './formStyles';
import { oktaRequest, type FieldProblems, type OktaDraft, type OktaField } from './model/add-request';
import { PemField } from './PemField';
import { PublicKeyDialog } from './PublicKeyDialog';
import { useAddConnection } from './useAddConnection';

const empty: OktaDraft = { orgUrl: '', auth: 'private-key', clientId: '', privateKeyPem: '', apiToken: '' };

export function OktaForm() {
  const styles = useFormStyles();
  const [draft, setDraft] = useState<OktaDraft>(empty);
  const [problems, setProblems] = useState<FieldProblems<OktaField>>({});
  const [created, setCreated] = useState<ConnectionView | null>(null);
  const { status, add } = useAddConnection();
  const update = (change: Partial<OktaDraft>) => setDraft((current) => ({ ...current, ...change }));
  const field = (name: OktaField) => ({ validationMessage: problems[name], validationState: problems[name] ? ('error' as const) : ('none' as const) });

  return (
    <form
      className={styles.form}
      aria-label="Add an Okta org"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = oktaRequest(draft);
        if (!checked.ok) return setProblems(checked.problems);
        setProblems({});
        void add(checked.request).then((view) => {
          if (!view) return;
          setDraft(empty);
          if (view.publicJwk && draft.auth === 'private-key' && !draft.privateKeyPem.trim()) setCreated(view);
        });
      }}
    >
      <Field label="Org address" hint="Such as https://your-org.okta.com (no -admin in the name)." required {...field('orgUrl')}>
        <Input type="url" value={draft.orgUrl} onChange={(_event, data) => update({ orgUrl: data.value })} />
      </Field>
      <Field label="Sign in with">
        <RadioGroup value={draft.auth} onChange={(_event, data) => update({ auth: data.value === 'api-token' ? 'api-token' : 'private-key' })}>
          <Radio value="private-key" label="Private key: a service app with only the scopes Rekey needs (recommended)" />
          <Radio value="api-token" label="API token" />
        </RadioGroup>
      </Field>
      {draft.auth === 'private-key' ? (
        <>
          <Field label="Client ID" hint="Leave empty the first time: Rekey creates a key pair and shows the public key to register in Okta. Then add the org again with the service app's client ID." {...field('clientId')}>
            <Input value={draft.clientId} onChange={(_event, data) => update({ clientId: data.value })} />
          </Field>
          <PemField
            label="Existing private key (optional)"
            hint="Only to reuse a key already registered in Okta. Stored encrypted on this computer and never shown again."
            value={draft.privateKeyPem}
            onChange={(privateKeyPem) => update({ privateKeyPem })}
            validationMessage={problems.privateKeyPem}
          />
        </>
      ) : (
        <>
          <MessageBar intent="warning" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>An API token carries its creator&apos;s full admin rights</MessageBarTitle>
              Okta API tokens act as the admin who created them, with every permission that admin has, not just what Rekey needs. Prefer a private-key service app; if you use a token, create it from an admin with the least role that can manage users.
            </MessageBarBody>
          </MessageBar>
          <Field label="API token" hint="Stored encrypted on this computer and never shown again." required {...field('apiToken')}>
            <Input type="password" autoComplete="off" value={draft.apiToken} onChange={(_event, data) => update({ apiToken: data.value })} />
          </Field>
        </>
      )}
      <Text as="p" size={200} className={styles.intro}>
        Rekey needs okta.users.read, okta.users.manage and okta.groups.read. Check on the connection lists anything missing.
      </Text>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={status.phase === 'adding'} icon={status.phase === 'adding' ? <Spinner size="tiny" aria-hidden /> : undefined}>
          Add org
        </Button>
      </div>
      <AddStatusMessage status={status} />
      {created?.publicJwk && <PublicKeyDialog name={created.displayName} jwk={created.publicJwk} onClose={() => setCreated(null)} />}
    </form>
  );
}
