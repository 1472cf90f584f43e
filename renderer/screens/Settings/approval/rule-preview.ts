// The state of one rule's preview, and whether it still describes the rule.
import type { ApprovalRule } from './approval-draft';
import { sameValue } from '../same-value';

export interface RulePreviewReply {
  matches: number;
  of: number;
  sample: Array<{ directoryId: string; id: string; login: string; displayName: string }>;
}

export type RulePreviewState =
  | { kind: 'idle' }
  | { kind: 'loading'; rule: ApprovalRule }
  | { kind: 'done'; rule: ApprovalRule; result: RulePreviewReply }
  | { kind: 'failed'; message: string };

/** True when the rule was edited after the preview was taken. */
export function previewIsStale(preview: RulePreviewState, current: ApprovalRule): boolean {
  if (preview.kind !== 'done') return false;
  // Only the conditions decide what matches; a new description or decision does not make it stale.
  return !sameValue(preview.rule.when, current.when);
}
