// Exclusion sets as files: import (merge with or replace the saved sets; every
// problem in the file is listed) and export (the saved sets as JSON).
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { ArrowExportRegular, ArrowImportRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { useRekeyConnection } from '../../../bridge/RekeyContext';
import { saveTextFile } from '../../../lib/download';
import { callErrorMessage } from '../../../lib/errors';
import { plural } from '../../../lib/format';
import { readTextFile } from '../../../lib/read-file';
import { useConsoleStore } from '../../../state/store';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalM },
  mode: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  modeLabel: { color: tokens.colorNeutralForeground2 },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  hint: { color: tokens.colorNeutralForeground2 },
});

type ImportOutcome =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'imported'; fileName: string; imported: string[]; problems: string[] }
  | { kind: 'failed'; message: string };

/** Import is refused while the draft has unsaved edits: the import saves at once and would overwrite them. */
export function ExclusionImportExport({ draftChanged }: { draftChanged: boolean }) {
  const styles = useStyles();
  const { api } = useRekeyConnection();
  const setSettings = useConsoleStore((state) => state.setSettings);
  const [mode, setMode] = useState<'merge' | 'replace'>('merge');
  const [outcome, setOutcome] = useState<ImportOutcome>({ kind: 'idle' });
  const fileInput = useRef<HTMLInputElement>(null);
  const busy = outcome.kind === 'busy';

  const importFile = async (file: File) => {
    setOutcome({ kind: 'busy', what: `Importing ${file.name}…` });
    try {
      const json = await readTextFile(file, 5 * 1024 * 1024);
      const reply = await api.exclusions.importSets({ json, replaceExisting: mode === 'replace' });
      // The import saved in main; read the settings back so every screen sees the same sets.
      setSettings(await api.settings.get());
      setOutcome({ kind: 'imported', fileName: file.name, imported: reply.imported, problems: reply.problems });
    } catch (error) {
      setOutcome({ kind: 'failed', message: `${file.name} was not imported: ${callErrorMessage(error)}` });
    }
  };

  const exportSets = async () => {
    setOutcome({ kind: 'busy', what: 'Exporting…' });
    try {
      const file = await api.exclusions.exportSets({});
      saveTextFile(file);
      setOutcome({ kind: 'idle' });
    } catch (error) {
      setOutcome({ kind: 'failed', message: `The exclusion sets were not exported: ${callErrorMessage(error)}` });
    }
  };

  return (
    <div className={styles.wrap}>
      <div className={styles.bar}>
        <Button size="small" icon={<ArrowImportRegular />} disabled={busy || draftChanged} onClick={() => fileInput.current?.click()}>
          Import…
        </Button>
        <Button size="small" icon={<ArrowExportRegular />} disabled={busy} onClick={() => void exportSets()}>
          Export
        </Button>
        <div className={styles.mode}>
          <Text size={200} className={styles.modeLabel} id="exclusion-import-mode">
            When a name is already saved
          </Text>
          <RadioGroup layout="horizontal" aria-labelledby="exclusion-import-mode" value={mode} onChange={(_e, d) => setMode(d.value === 'replace' ? 'replace' : 'merge')}>
            <Radio value="merge" label="Keep saved sets of the same name" />
            <Radio value="replace" label="Replace saved sets of the same name" />
          </RadioGroup>
        </div>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-hidden
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
      </div>
      {draftChanged && (
        <Text size={200} className={styles.hint}>
          Save or discard your changes to import. Export writes the saved sets.
        </Text>
      )}
      <div role="status" aria-live="polite">
        {outcome.kind === 'busy' && <Text size={200}>{outcome.what}</Text>}
        {outcome.kind === 'imported' && (
          <MessageBar intent={outcome.problems.length > 0 ? 'warning' : 'success'} layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>
                {outcome.imported.length > 0 ? `Imported ${plural(outcome.imported.length, 'set')} from ${outcome.fileName}: ${outcome.imported.join(', ')}.` : `Nothing was imported from ${outcome.fileName}.`}
              </MessageBarTitle>
              {outcome.problems.length > 0 && (
                <>
                  {' '}
                  {plural(outcome.problems.length, 'problem')} in the file:
                  <ul className={styles.problems}>
                    {outcome.problems.map((problem, index) => (
                      <li key={`${index}-${problem}`}>{problem}</li>
                    ))}
                  </ul>
                </>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
        {outcome.kind === 'failed' && (
          <MessageBar intent="error" layout="multiline">
            <MessageBarBody>{outcome.message}</MessageBarBody>
          </MessageBar>
        )}
      </div>
    </div>
  );
}
