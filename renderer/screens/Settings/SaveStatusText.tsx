// The outcome of the last save, in a polite live region so screen readers hear it.
import { makeStyles, Text, tokens } from '@fluentui/react-components';
import type { SaveStatus } from './useSaveSettings';

const useStyles = makeStyles({
  status: { color: tokens.colorNeutralForeground2 },
  failed: { color: tokens.colorPaletteRedForeground1 },
});

export function SaveStatusText({ status }: { status: SaveStatus }) {
  const styles = useStyles();
  const text = status.kind === 'saving' ? 'Saving…' : status.kind === 'idle' ? '' : status.message;
  return (
    <Text role="status" size={200} className={status.kind === 'failed' ? styles.failed : styles.status}>
      {text}
    </Text>
  );
}
