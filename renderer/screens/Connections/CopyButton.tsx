// Copies a piece of text (a device code, a public key) and says whether it worked.
import { Button, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useState } from 'react';

export function CopyButton({ text, label }: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  const tip = state === 'copied' ? 'Copied' : state === 'failed' ? 'The clipboard is not available here; select the text and copy it.' : label;
  return (
    <Tooltip content={tip} relationship="description">
      <Button size="small" icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />} onClick={() => void copy()}>
        {state === 'copied' ? 'Copied' : label}
      </Button>
    </Tooltip>
  );
}
