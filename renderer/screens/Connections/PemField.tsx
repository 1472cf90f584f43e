// A PEM text area (certificate or private key) with "Load from file…", for
// keys an operator usually has as a file. The text goes to main once; it is
// never shown again after the connection is added.
import { Button, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { readTextFile } from '../../lib/read-file';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, alignItems: 'flex-start' },
  field: { width: '100%' },
  area: { width: '100%', fontFamily: tokens.fontFamilyMonospace },
  input: { display: 'none' },
});

export interface PemFieldProps {
  label: string;
  hint: string;
  value: string;
  onChange(value: string): void;
  validationMessage?: string;
  required?: boolean;
}

export function PemField({ label, hint, value, onChange, validationMessage, required }: PemFieldProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const message = readError ?? validationMessage;
  return (
    <div className={styles.wrap}>
      <Field label={label} hint={hint} required={required} validationMessage={message} validationState={message ? 'error' : 'none'} className={styles.field}>
        <Textarea className={styles.area} resize="vertical" rows={4} value={value} onChange={(_event, data) => onChange(data.value)} />
      </Field>
      <input
        ref={input}
        type="file"
        accept=".pem,.crt,.cer,.key,.txt"
        className={styles.input}
        aria-label={`${label} file`}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (!file) return;
          readTextFile(file, 64_000)
            .then((text) => {
              setReadError(null);
              onChange(text);
            })
            .catch((error: unknown) => setReadError(error instanceof Error ? error.message : String(error)));
        }}
      />
      <Button size="small" icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
        Load from file…
      </Button>
    </div>
  );
}
