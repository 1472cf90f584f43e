// The outcome of a CSV import: what was found, every row that did not become
// exactly one account (line, problem, message), the report to copy or save,
// and the operator's choice to replace the selection or add to it.
import {
  Badge,
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CopyRegular, SaveRegular } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import { saveTextFile } from '../../lib/download';
import { formatCount, plural } from '../../lib/format';
import { useSelectionStore } from '../../state/selection-store';
import { CsvProblemGrid } from './CsvProblemGrid';
import { csvReportView, importChoiceText, reportCsv, reportFileName, reportText, selectionAfterImport, type ImportMode } from './model/csv-report';
import type { CsvImportState } from './useCsvImport';

const useStyles = makeStyles({
  surface: { maxWidth: '860px', width: '100%' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  reasons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  tools: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  note: { color: tokens.colorNeutralForeground2 },
});

type Finished = Extract<CsvImportState, { phase: 'done' | 'failed' }>;

export function CsvReportDialog({ state, onClose }: { state: Finished; onClose: () => void }) {
  const styles = useStyles();
  const selected = useSelectionStore((s) => s.keys);
  const [mode, setMode] = useState<ImportMode>(selected.size === 0 ? 'replace' : 'add');
  const [copyStatus, setCopyStatus] = useState('');
  const view = useMemo(() => (state.phase === 'done' ? csvReportView(state.fileName, state.result) : null), [state]);

  const use = () => {
    if (state.phase !== 'done') return;
    useSelectionStore.getState().setKeys(selectionAfterImport(useSelectionStore.getState().keys, state.result.keys, mode));
    onClose();
  };

  const copy = async () => {
    if (!view) return;
    try {
      await navigator.clipboard.writeText(reportText(view));
      setCopyStatus('Report copied to the clipboard.');
    } catch {
      setCopyStatus('The clipboard is not available here; use Save report instead.');
    }
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface className={styles.surface} aria-describedby="csv-report-headline">
        <DialogBody>
          <DialogTitle>Import from {state.fileName}</DialogTitle>
          <DialogContent className={styles.content}>
            {state.phase === 'failed' && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody id="csv-report-headline">
                  {state.message} Nothing was selected. Fix the file and choose it again.
                </MessageBarBody>
              </MessageBar>
            )}
            {view && (
              <>
                <Text id="csv-report-headline" weight="semibold">
                  {view.headline}
                </Text>
                {view.problems.length > 0 ? (
                  <>
                    <div className={styles.reasons} aria-label="Problems by kind" role="list">
                      {view.byReason.map((entry) => (
                        <Badge key={entry.reason} role="listitem" appearance="tint" color={entry.reason === 'malformed' ? 'danger' : 'warning'} shape="rounded">
                          {entry.label}: {formatCount(entry.count)}
                        </Badge>
                      ))}
                    </div>
                    <CsvProblemGrid problems={view.problems} />
                    <div className={styles.tools}>
                      <Button size="small" icon={<CopyRegular />} onClick={() => void copy()}>
                        Copy report
                      </Button>
                      <Button
                        size="small"
                        icon={<SaveRegular />}
                        onClick={() => saveTextFile({ fileName: reportFileName(view.fileName), mimeType: 'text/csv', content: reportCsv(view) })}
                      >
                        Save report…
                      </Button>
                      <Text size={200} role="status" aria-live="polite" className={styles.note}>
                        {copyStatus}
                      </Text>
                    </div>
                  </>
                ) : (
                  <Text className={styles.note}>Every row named exactly one listed account.</Text>
                )}
                {view.found > 0 && selected.size > 0 && (
                  <RadioGroup value={mode} onChange={(_event, data) => setMode(data.value === 'add' ? 'add' : 'replace')} aria-label="Use the imported accounts">
                    <Radio value="add" label={importChoiceText(selected.size, view.found, 'add')} />
                    <Radio value="replace" label={importChoiceText(selected.size, view.found, 'replace')} />
                  </RadioGroup>
                )}
                {view.found === 0 && <Text className={styles.note}>The file named no account Rekey could find, so the selection stays as it was.</Text>}
              </>
            )}
          </DialogContent>
          <DialogActions>
            {view && view.found > 0 && (
              <Button appearance="primary" onClick={use} autoFocus>
                {mode === 'add' && selected.size > 0 ? `Add ${plural(view.found, 'account')}` : `Select ${plural(view.found, 'account')}`}
              </Button>
            )}
            <Button onClick={onClose} autoFocus={!view || view.found === 0}>
              {view && view.found > 0 ? 'Cancel' : 'Close'}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
