// The evidence drawer for one row of the run, following that row live. While
// it closes it keeps showing the row it was opened for (no flash of an empty
// drawer), and afterwards focus goes back to that row.
import { useEffect, useRef, useState } from 'react';
import { EvidenceDrawer } from '../../components/evidence/EvidenceDrawer';
import { useRunStore } from '../../state/run-store';
import { StatusChip } from './StatusChip';

export function RunEvidenceDrawer({ rowKey, onClose }: { rowKey: string | null; onClose: () => void }) {
  const [shownKey, setShownKey] = useState<string | null>(rowKey);
  if (rowKey !== null && rowKey !== shownKey) setShownKey(rowKey);
  const row = useRunStore((state) => (shownKey ? state.model?.rows[shownKey] : undefined));
  const directoryName = useRunStore((state) => (row ? (state.model?.directoryNames[row.directoryId] ?? row.directoryId) : ''));

  // Once closed, focus goes back to the row the drawer was opened from. The
  // drawer hides the page from assistive technology until its closing
  // transition ends, so wait for the row to be visible again first.
  const open = rowKey !== null && row !== undefined;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (open) {
      wasOpen.current = true;
      return;
    }
    if (!wasOpen.current || !shownKey) return;
    wasOpen.current = false;
    let tries = 0;
    const timer = setInterval(() => {
      const element = document.querySelector<HTMLElement>(`[data-row-key="${CSS.escape(shownKey)}"]`);
      if (++tries > 60 || !element) return clearInterval(timer);
      if (element.closest('[aria-hidden="true"]')) return;
      clearInterval(timer);
      const active = document.activeElement;
      if (active === null || active === document.body || !active.isConnected) element.focus();
    }, 50);
    return () => clearInterval(timer);
  }, [open, shownKey]);

  if (!row) return null;
  return (
    <EvidenceDrawer
      open={open}
      onClose={onClose}
      title={row.label}
      subtitle={`${row.displayName ? `${row.displayName} · ` : ''}${directoryName}`}
      status={<StatusChip status={row.status} />}
      reason={row.reason}
      steps={row.steps}
      retries={row.retries}
      retryNotes={row.retryNotes}
      verify={row.verify}
    />
  );
}
