// Add remote Windows computers: a list of host names (typed, pasted, or
// loaded from a CSV/text file; every bad line reported with its number), the
// WinRM transport, and optionally a credential held in memory for this
// session only.
import { Button, Field, Input, Radio, RadioGroup, Spinner, Text, Textarea } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { readTextFile } from '../../lib/read-file';
import { AddStatusMessage } from './AddStatusMessage';
import { useFormStyles } from './formStyles';
import { HostProblems, type HostProblem } from './HostProblems';
import { remoteRequest, type FieldProblems, type RemoteDraft, type RemoteField } from './model/add-request';
import { useAddConnection } from './useAddConnection';

const emptyDraft: RemoteDraft = { transport: 'http-kerberos', userName: '', password: '' };

export function RemoteHostsForm() {
  const styles = useFormStyles();
  const { api } = useRekeyConnection();
  const [hostText, setHostText] = useState('');
  const [draft, setDraft] = useState<RemoteDraft>(emptyDraft);
  const [problems, setProblems] = useState<FieldProblems<RemoteField>>({});
  const [hostProblems, setHostProblems] = useState<{ problems: HostProblem[]; accepted: number } | null>(null);
  const [checking, setChecking] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { status, add, reset } = useAddConnection();
  const update = (change: Partial<RemoteDraft>) => setDraft((current) => ({ ...current, ...change }));

  /** Main's reading of the host list: the names it accepts and every line it does not. */
  const readHosts = async (text: string): Promise<string[] | null> => {
    setChecking(true);
    try {
      const result = await api.connections.importHosts({ text });
      setHostProblems(result.problems.length > 0 ? { problems: result.problems, accepted: result.hosts.length } : null);
      return result.problems.length > 0 ? null : result.hosts;
    } catch (error) {
      setHostProblems({ problems: [{ line: null, message: callErrorMessage(error) }], accepted: 0 });
      return null;
    } finally {
      setChecking(false);
    }
  };

  const submit = async () => {
    reset();
    const hosts = await readHosts(hostText);
    if (!hosts) return;
    const checked = remoteRequest(draft, hosts);
    if (!checked.ok) return setProblems(checked.problems);
    setProblems({});
    const view = await add(checked.request);
    // The password now lives in main for this session; this window forgets it either way once added.
    if (view) {
      setDraft(emptyDraft);
      setHostText('');
    }
  };

  return (
    <form
      className={styles.form}
      aria-label="Add remote Windows computers"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Field
        label="Computers"
        hint="One host name per line, or paste a CSV with a Name or ComputerName column."
        required
        validationMessage={problems.hosts}
        validationState={problems.hosts ? 'error' : 'none'}
      >
        <Textarea resize="vertical" rows={5} value={hostText} onChange={(_event, data) => setHostText(data.value)} />
      </Field>
      <div className={styles.actions}>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.txt,text/csv,text/plain"
          hidden
          aria-label="File of computer names"
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (!file) return;
            readTextFile(file, 5 * 1024 * 1024)
              .then((text) => {
                setHostText(text);
                return readHosts(text);
              })
              .catch((error: unknown) => setHostProblems({ problems: [{ line: null, message: callErrorMessage(error) }], accepted: 0 }));
          }}
        />
        <Button size="small" icon={<DocumentArrowUpRegular />} onClick={() => fileInput.current?.click()}>
          Load from file…
        </Button>
      </div>
      {hostProblems && <HostProblems problems={hostProblems.problems} accepted={hostProblems.accepted} />}
      <Field label="Transport">
        <RadioGroup value={draft.transport} onChange={(_event, data) => update({ transport: data.value === 'https' ? 'https' : 'http-kerberos' })}>
          <Radio value="http-kerberos" label="HTTP with Kerberos (port 5985): domain-joined computers" />
          <Radio value="https" label="HTTPS (port 5986): a WinRM HTTPS listener with a trusted certificate on each computer" />
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <Field label="User (optional)" hint="DOMAIN\user or user@domain." validationMessage={problems.userName} validationState={problems.userName ? 'error' : 'none'}>
          <Input autoComplete="off" value={draft.userName} onChange={(_event, data) => update({ userName: data.value })} />
        </Field>
        <Field label="Password (optional)" validationMessage={problems.password} validationState={problems.password ? 'error' : 'none'}>
          <Input type="password" autoComplete="new-password" value={draft.password} onChange={(_event, data) => update({ password: data.value })} />
        </Field>
      </div>
      <Text as="p" size={200} className={styles.intro}>
        Leave both empty to connect as your own Windows sign-in. A password typed here is held in memory for this session only: it is never saved, never
        shown again, and Rekey asks for it after a restart.
      </Text>
      <div className={styles.actions}>
        <Button type="submit" appearance="primary" disabled={checking || status.phase === 'adding'} icon={checking || status.phase === 'adding' ? <Spinner size="tiny" aria-hidden /> : undefined}>
          Add computers
        </Button>
      </div>
      <AddStatusMessage status={status} />
    </form>
  );
}
