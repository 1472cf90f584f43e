// The text a PowerShell script printed, in a scrollable monospace block the
// keyboard can reach, with a button that copies it for a ticket or a colleague.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';

const useStyles = makeStyles({
  wrap: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  bar: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  label: { color: tokens.colorNeutralForeground2 },
  output: {
    margin: 0,
    maxHeight: '240px',
    overflow: 'auto',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: 'pre',
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  empty: { color: tokens.colorNeutralForeground3, fontStyle: 'italic' },
});

type CopyState = 'idle' | 'copied' | 'failed';

export function PowerShellOutput({ output, host, script }: { output: string; host: string; script: string }) {
  const styles = useStyles();
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 4_000);
    return () => clearTimeout(timer);
  }, [copy]);

  const label = `Output of ${script} on ${host}`;
  if (output.trim() === '') {
    return (
      <Text size={200} className={styles.empty}>
        The script printed nothing.
      </Text>
    );
  }
  return (
    <div className={styles.wrap}>
      <div className={styles.bar}>
        <Text size={200} className={styles.label}>
          Output
        </Text>
        <span role="status" aria-live="polite">
          {copy === 'copied' ? <Text size={200}>Copied to the clipboard.</Text> : null}
          {copy === 'failed' ? <Text size={200}>Could not copy: select the text and press Ctrl+C instead.</Text> : null}
        </span>
        <Button
          size="small"
          appearance="subtle"
          icon={copy === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
          aria-label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`}
          onClick={() => {
            navigator.clipboard.writeText(output).then(
              () => setCopy('copied'),
              () => setCopy('failed'),
            );
          }}
        >
          Copy
        </Button>
      </div>
      {/* Focusable so keyboard users can scroll long output; named so screen readers say whose output it is. */}
      <pre className={styles.output} tabIndex={0} role="region" aria-label={label}>
        {output}
      </pre>
    </div>
  );
}
