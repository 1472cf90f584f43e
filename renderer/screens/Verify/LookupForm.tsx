// Look one account up: a name (login, UPN, SAM name or display name),
// optionally narrowed to some directories and, for Windows, to one host.
// Enter submits from any field.
import { Button, Dropdown, Field, Input, makeStyles, Option, tokens } from '@fluentui/react-components';
import { SearchRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useVerifyStore, type LookupRequest } from '../../state/verify-store';
import type { LookupDirectory } from './useLookupDirectories';

const useStyles = makeStyles({
  form: {
    display: 'grid',
    gridTemplateColumns: 'minmax(220px, 2fr) minmax(200px, 1.5fr) minmax(160px, 1fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 900px)': { gridTemplateColumns: '1fr 1fr' },
  },
  // Level with the inputs: below the field labels.
  submit: { marginTop: '22px' },
  control: { minWidth: 0, width: '100%' },
});

export function LookupForm({ directories, busy, onLookup }: { directories: LookupDirectory[]; busy: boolean; onLookup: (request: LookupRequest) => void }) {
  const styles = useStyles();
  const name = useVerifyStore((state) => state.name);
  const directoryIds = useVerifyStore((state) => state.directoryIds);
  const host = useVerifyStore((state) => state.host);
  const setName = useVerifyStore((state) => state.setName);
  const setDirectoryIds = useVerifyStore((state) => state.setDirectoryIds);
  const setHost = useVerifyStore((state) => state.setHost);
  const [nameError, setNameError] = useState<string | null>(null);

  // Only offer directories that still exist; a stale choice would silently search nothing.
  const chosen = directoryIds.filter((id) => directories.some((directory) => directory.id === id));
  const chosenNames = directories.filter((directory) => chosen.includes(directory.id)).map((directory) => directory.displayName);

  return (
    <form
      className={styles.form}
      aria-label="Look up an account"
      onSubmit={(event) => {
        event.preventDefault();
        const trimmed = name.trim();
        if (trimmed === '') {
          setNameError('Type a login, UPN, SAM name or display name to look up.');
          return;
        }
        setNameError(null);
        const trimmedHost = host.trim();
        onLookup({ name: trimmed, ...(chosen.length > 0 ? { directoryIds: chosen } : {}), ...(trimmedHost !== '' ? { host: trimmedHost } : {}) });
      }}
    >
      <Field label="Account name" hint="Login, UPN, SAM name or display name." validationMessage={nameError ?? undefined} validationState={nameError ? 'error' : 'none'}>
        <Input className={styles.control} value={name} onChange={(_event, data) => setName(data.value)} autoComplete="off" spellCheck={false} maxLength={400} />
      </Field>
      <Field label="Directories" hint={chosen.length === 0 ? 'Every connected directory.' : `${chosen.length} chosen.`}>
        <Dropdown
          className={styles.control}
          multiselect
          placeholder="All connected directories"
          value={chosenNames.join(', ')}
          selectedOptions={chosen}
          disabled={directories.length === 0}
          onOptionSelect={(_event, data) => setDirectoryIds(data.selectedOptions)}
        >
          {directories.map((directory) => (
            <Option key={directory.id} value={directory.id} text={directory.displayName}>
              {directory.usable ? directory.displayName : `${directory.displayName} (listing failed)`}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Windows host" hint="Optional: one computer.">
        <Input className={styles.control} value={host} onChange={(_event, data) => setHost(data.value)} autoComplete="off" spellCheck={false} maxLength={300} />
      </Field>
      <Button type="submit" appearance="primary" icon={<SearchRegular />} disabled={busy} className={styles.submit}>
        Look up
      </Button>
    </form>
  );
}
