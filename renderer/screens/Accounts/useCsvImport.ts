// Importing a CSV of accounts: read the file, let the main process resolve
// every row against the listing (it does the work, so a 10 MB file never
// blocks this window), and keep the result for the report dialog.
import { useCallback, useRef, useState } from 'react';
import type { CsvImportResult } from '../../../preload/contract';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { readTextFile } from '../../lib/read-file';

export type CsvImportState =
  | { phase: 'idle' }
  | { phase: 'reading' | 'matching'; fileName: string; bytes: number }
  | { phase: 'done'; fileName: string; result: CsvImportResult }
  | { phase: 'failed'; fileName: string; message: string };

export function useCsvImport(): { state: CsvImportState; importFile(file: File): Promise<void>; dismiss(): void } {
  const { api } = useRekeyConnection();
  const [state, setState] = useState<CsvImportState>({ phase: 'idle' });
  // A second file picked while the first is being matched wins; the first answer is dropped.
  const latest = useRef(0);

  const importFile = useCallback(
    async (file: File) => {
      const mine = ++latest.current;
      const fileName = file.name || 'accounts.csv';
      setState({ phase: 'reading', fileName, bytes: file.size });
      try {
        const text = await readTextFile(file);
        if (mine !== latest.current) return;
        setState({ phase: 'matching', fileName, bytes: file.size });
        const result = await api.accounts.importCsv({ fileName, text });
        if (mine === latest.current) setState({ phase: 'done', fileName, result });
      } catch (error) {
        if (mine === latest.current) setState({ phase: 'failed', fileName, message: callErrorMessage(error) });
      }
    },
    [api],
  );

  const dismiss = useCallback(() => {
    latest.current += 1;
    setState({ phase: 'idle' });
  }, []);

  return { state, importFile, dismiss };
}
