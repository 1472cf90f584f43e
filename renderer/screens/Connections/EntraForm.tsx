// Add a Microsoft Entra ID tenant: tenant, the app registration's client id,
// and how to sign in (browser, device code, or an app certificate).
import { Button, Field, Input, Radio, RadioGroup, Spinner, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { AddStatusMessage } from './AddStatusMessage';
import { useFormStyles } from './formStyles';
import { entraRequest, type EntraDraft, type EntraField, type FieldProblems } from './model/add-request';
import { PemField } from './PemField';
import { useAddConnection } from './useAddConnection';

const empty: EntraDraft = { tenant: '', clientId: '', auth: 'interactive', certificatePem: '', privateKeyPem: '' };

export function EntraForm() {
  const styles = useFormStyles();
  const [draft, setDraft] = useState<EntraDraft>(empty);
  const [problems, setProblems] = useState<FieldProblems<EntraField>>({});
  const { status, add } = useAddConnection();
  const update = (change: Partial<EntraDraft>) => setDraft((current) => ({ ...current, ...change }));
  const field = (name: EntraField) => ({ validationMessage: problems[name], validationState: problems[name] ? ('error' as const) : ('none' as const) });

  return (
    <form
      className={styles.form}
      aria-label="Add a Microsoft Entra ID tenant"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const checked = entraRequest(draft);
        if (!checked.ok) return setProblems(checked.problems);
        setProblems({});
        void add(checked.request, { signIn: draft.auth !== 'certificate' }).then((view) => {
          // The key material went to main; do not keep it in this window.
          if (view) setDraft(empty);
        });
      }}
    >
      <Text as="p" className={styles.intro}>
        Rekey signs in through an app registration in your tenant with admin consent for User-PasswordProfile.ReadWrite.All, User.RevokeSessions.All and User.Read.All (Check lists anything missing). Tokens stay in the Rekey background process, encrypted on this computer.
      </Text>
      <div className={styles.row}>
        <Field label="Tenant" hint="Tenant ID (GUID) or primary domain, such as contoso.onmicrosoft.com." required {...field('tenant')}>
          <Input value={draft.tenant} onChange={(_event, data) => update({ tenant: data.value })} />
        </Field>
        <Field label="Application (client) ID" hint="From the app registration's Overview page." required {...field('clientId')}>
          <Input value={draft.clientId} onChange={(_event, data) => update({ clientId: data.value })} />
        </Field>
      </div>
      <Field label="Sign in with">
        <RadioGroup value={draft.auth} onChange={(_event, data) => update({ auth: data.value === 'device-code' ? 'device-code' : data.value === 'certificate' ? 'certificate' : 'interactive' })}>
          <Radio value="interactive" label="Browser: you sign in as an administrator (delegated)" />
          <Radio value="device-code" label="Device code: enter a code on another device (delegated)" />
          <Radio value="certificate" label="Certificate: the app signs in as itself, no user (application permissions)" />
        </RadioGroup>
      </Field>
      {draft.auth === 'certificate' && (
        <>
          <PemField
            label="Certificate (PEM)"
            hint="The public certificate uploaded to the app registration."
            required
            value={draft.certificatePem}
            onChange={(certificatePem) => update({ certificatePem })}
            validationMessage={problems.certificatePem}
          />
          <PemField
            label="Private key (PEM)"
            hint="Stored encrypted on this computer and never shown again."
            required
            value={draft.privateKeyPem}
            onChange={(privateKeyPem) => update({ privateKeyPem })}
            validationMessage={problems.privateKeyPem}
          />
        </>
      )}
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={status.phase === 'adding'} icon={status.phase === 'adding' ? <Spinner size="tiny" aria-hidden /> : undefined}>
          {draft.auth === 'certificate' ? 'Add tenant' : 'Add tenant and sign in'}
        </Button>
      </div>
      <AddStatusMessage status={status} />
    </form>
  );
}
