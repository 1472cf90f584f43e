// Keeps the plan in step with what it is made from: the Accounts selection (or
// a run's failures), the chosen exclusion sets and the reset options. Any
// change makes a new plan (a dry run; nothing is written). Only the newest
// request's answer is shown.
import { useCallback, useEffect, useMemo } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';
import { requestSignature, usePlanStore } from '../../state/plan-store';
import { useSelectionStore } from '../../state/selection-store';

export interface PlanRequestState {
  /** Accounts the plan is asked for (selection or retry keys). */
  keyCount: number;
  /** Make the plan again (after a failure). */
  retry(): void;
}

export function usePlanRequests(enabled: boolean): PlanRequestState {
  const { api } = useRekeyConnection();
  const selectedKeys = useSelectionStore((state) => state.keys);
  const selectedSets = useSelectionStore((state) => state.exclusionSets);
  const source = usePlanStore((state) => state.source);
  const options = usePlanStore((state) => state.options);
  const planSignature = usePlanStore((state) => state.planSignature);
  const status = usePlanStore((state) => state.status);

  const request = useMemo(() => {
    const keys = source.kind === 'retry' ? source.keys : [...selectedKeys];
    const exclusionSets = source.kind === 'retry' ? source.exclusionSets : [...selectedSets];
    return { keys, exclusionSets, signature: requestSignature(keys, exclusionSets, options) };
  }, [source, selectedKeys, selectedSets, options]);

  const send = useCallback(() => {
    const store = usePlanStore.getState();
    const ticket = store.planning(request.signature);
    api.plan
      .create({ selection: { by: 'keys', keys: request.keys }, exclusionSets: request.exclusionSets, options })
      .then(
        (plan) => usePlanStore.getState().planned(ticket, plan),
        (error: unknown) => usePlanStore.getState().planFailed(ticket, `The plan could not be made. ${callErrorMessage(error)}`),
      );
  }, [api, request, options]);

  useEffect(() => {
    if (!enabled || request.keys.length === 0) return;
    if (request.signature === planSignature) return;
    if (status === 'planning' && request.signature === usePlanStore.getState().requested) return;
    send();
  }, [enabled, request, planSignature, status, send]);

  return { keyCount: request.keys.length, retry: send };
}
