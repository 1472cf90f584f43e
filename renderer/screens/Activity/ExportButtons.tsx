// A run's report (one row per account, excluded ones with their reason) as
// CSV, JSON or printable HTML, saved where the operator chooses.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ArrowDownloadRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { saveTextFile } from '../../lib/download';
import { callErrorMessage } from '../../lib/errors';

const formats = [
  { format: 'csv', label: 'CSV' },
  { format: 'json', label: 'JSON' },
  { format: 'html', label: 'HTML report' },
] as const;

type Format = (typeof formats)[number]['format'];

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  error: { color: tokens.colorPaletteRedForeground1, flexBasis: '100%' },
});

export function ExportButtons({ runId, runName }: { runId: string; runName: string }) {
  const styles = useStyles();
  const { api } = useRekeyConnection();
  const [busy, setBusy] = useState<Format | null>(null);
  const [error, setError] = useState<string | null>(null);

  const exportAs = async (format: Format) => {
    setBusy(format);
    setError(null);
    try {
      saveTextFile(await api.activity.export({ runId, format }));
    } catch (reason) {
      setError(`The report could not be exported. ${callErrorMessage(reason)}`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className={styles.group} role="group" aria-label={`Export the report of ${runName}`}>
      {formats.map(({ format, label }) => (
        <Button key={format} size="small" icon={<ArrowDownloadRegular />} disabled={busy !== null} onClick={() => void exportAs(format)} aria-label={`Export ${label} of ${runName}`}>
          {label}
        </Button>
      ))}
      {error && (
        <Text size={200} className={styles.error} role="alert">
          {error}
        </Text>
      )}
    </div>
  );
}
