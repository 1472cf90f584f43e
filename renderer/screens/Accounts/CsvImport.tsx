// "Import CSV…": a real button that opens the file picker (so it works from
// the keyboard), a busy state while the main process matches the rows, and
// the report dialog when it answers.
import { Button, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef } from 'react';
import { CsvReportDialog } from './CsvReportDialog';
import { useCsvImport } from './useCsvImport';

const useStyles = makeStyles({
  wrap: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { display: 'none' },
  busy: { color: tokens.colorNeutralForeground2 },
});

function megabytes(bytes: number): string {
  return bytes >= 1_048_576 ? `${(bytes / 1_048_576).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export function CsvImport() {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const { state, importFile, dismiss } = useCsvImport();
  const busy = state.phase === 'reading' || state.phase === 'matching';
  const busyText =
    state.phase === 'reading'
      ? `Reading ${state.fileName} (${megabytes(state.bytes)})…`
      : state.phase === 'matching'
        ? `Matching the rows of ${state.fileName} against the listed accounts…`
        : '';

  return (
    <span className={styles.wrap}>
      <Text size={200} role="status" aria-live="polite" className={styles.busy}>
        {busyText}
      </Text>
      <input
        ref={input}
        type="file"
        accept=".csv,.txt,text/csv,text/plain"
        className={styles.input}
        aria-label="CSV file of accounts"
        data-testid="csv-file-input"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          // Clear it so choosing the same file again (after fixing it) fires a change.
          event.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      <Button
        icon={busy ? <Spinner size="tiny" aria-hidden /> : <DocumentArrowUpRegular />}
        disabledFocusable={busy}
        onClick={() => input.current?.click()}
      >
        {busy ? 'Importing…' : 'Import CSV…'}
      </Button>
      {(state.phase === 'done' || state.phase === 'failed') && <CsvReportDialog state={state} onClose={dismiss} />}
    </span>
  );
}
