// A run's journal integrity, checked the first time its card scrolls into
// view (reading and hashing a long journal is not free) and then kept.
import { useEffect, useState } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { useActivityStore, type JournalIntegrityDto, type Loadable } from '../../state/activity-store';

export function useIntegrity(runId: string, element: Element | null): Loadable<JournalIntegrityDto> {
  const { api } = useRekeyConnection();
  const integrity = useActivityStore((state) => state.integrity[runId]);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    if (visible || !element) return;
    if (typeof IntersectionObserver !== 'function') {
      setVisible(true);
      return;
    }
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) setVisible(true);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, visible]);

  useEffect(() => {
    if (!visible || integrity) return;
    const store = useActivityStore.getState();
    store.setIntegrity(runId, { status: 'loading' });
    api.activity.integrity({ runId }).then(
      (value) => useActivityStore.getState().setIntegrity(runId, { status: 'loaded', value }),
      (error: unknown) => useActivityStore.getState().setIntegrity(runId, { status: 'failed', error: `The journal could not be checked. ${callErrorMessage(error)}` }),
    );
  }, [visible, integrity, runId, api]);

  return integrity ?? { status: 'idle' };
}
