// A choice that shows the operator's click at once, while the save travels to
// main. The saved value stays the truth: once the save answers, the pending
// choice is dropped, so a refused save snaps back to what is really saved
// (and the section's status says why).
import { useCallback, useState } from 'react';

export function useOptimisticChoice<T>(saved: T, save: (choice: T) => Promise<boolean>): [T, (choice: T) => void] {
  const [pending, setPending] = useState<{ value: T } | null>(null);
  const choose = useCallback(
    (choice: T) => {
      setPending({ value: choice });
      void save(choice).finally(() => setPending((current) => (current?.value === choice ? null : current)));
    },
    [save],
  );
  return [pending ? pending.value : saved, choose];
}
