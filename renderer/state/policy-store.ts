// Drafts of the two policy editors in Settings: exclusion sets and approval
// rules. Kept in a store (not component state) so unsaved edits survive a
// visit to another screen. Each draft remembers the saved value it started
// from and starts again only when what main saved actually changed.
import { create } from 'zustand';
import { sameValue } from '../screens/Settings/same-value';
import {
  exclusionDraftReducer,
  initialExclusionDraft,
  type ExclusionDraftAction,
  type ExclusionDraftState,
  type ExclusionSet,
} from '../screens/Settings/exclusions/exclusion-draft';
import {
  approvalDraftReducer,
  initialApprovalDraft,
  type ApprovalDraftAction,
  type ApprovalDraftState,
  type ApprovalRule,
} from '../screens/Settings/approval/approval-draft';

export interface PolicyState {
  exclusions: ExclusionDraftState;
  /** The saved sets the exclusion draft started from (null before settings loaded). */
  exclusionBase: ExclusionSet[] | null;
  approvals: ApprovalDraftState;
  approvalBase: ApprovalRule[] | null;
  /** Follow what main saved; the draft starts again only when the saved value differs. */
  syncExclusions(saved: ExclusionSet[]): void;
  editExclusions(action: ExclusionDraftAction): void;
  syncApprovals(saved: ApprovalRule[]): void;
  editApprovals(action: ApprovalDraftAction): void;
}


export const usePolicyStore = create<PolicyState>()((set) => ({
  exclusions: initialExclusionDraft([]),
  exclusionBase: null,
  approvals: initialApprovalDraft([]),
  approvalBase: null,
  syncExclusions: (saved) =>
    set((state) =>
      state.exclusionBase !== null && sameValue(state.exclusionBase, saved)
        ? state
        : { exclusionBase: saved, exclusions: exclusionDraftReducer(state.exclusions, { type: 'reset', saved }) },
    ),
  editExclusions: (action) => set((state) => ({ exclusions: exclusionDraftReducer(state.exclusions, action) })),
  syncApprovals: (saved) =>
    set((state) =>
      state.approvalBase !== null && sameValue(state.approvalBase, saved) ? state : { approvalBase: saved, approvals: approvalDraftReducer(state.approvals, { type: 'reset', saved }) },
    ),
  editApprovals: (action) => set((state) => ({ approvals: approvalDraftReducer(state.approvals, action) })),
}));
