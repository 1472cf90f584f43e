// What one account needs before it can run, and the control to give it:
// nothing (auto), a tick (confirm), its name typed (typed-confirm, with the
// match shown as it is typed), or the policy's reason it cannot run (block).
import { Checkbox, Input, makeStyles, Text, ToggleButton, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular, DismissCircleRegular, ProhibitedRegular } from '@fluentui/react-icons';
import { usePlanStore } from '../../state/plan-store';
import { approvalStatus, type PlanEntry } from './approvals';

const useStyles = makeStyles({
  cell: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  typed: { display: 'flex', flexDirection: 'column', gap: '2px', minWidth: 0, flexGrow: 1 },
  typedLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  input: { flexGrow: 1, minWidth: '140px' },
  match: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, whiteSpace: 'nowrap', width: '104px', flexShrink: 0 },
  leaveOut: { whiteSpace: 'nowrap', flexShrink: 0, minWidth: 'auto' },
  good: { color: tokens.colorPaletteGreenForeground1 },
  bad: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  blocked: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0, color: tokens.colorNeutralForeground2 },
});

export function ApprovalCell({ entry, label }: { entry: PlanEntry; label: string }) {
  const styles = useStyles();
  const status = usePlanStore((state) => approvalStatus(entry, state.draft));
  const typed = usePlanStore((state) => state.draft.typed.get(entry.key) ?? '');
  const confirm = usePlanStore((state) => state.confirm);
  const setTyped = usePlanStore((state) => state.setTyped);
  const leaveOut = usePlanStore((state) => state.leaveOut);
  const login = entry.account.login;

  switch (entry.approval.decision) {
    case 'auto':
      return (
        <Text size={200} className={styles.muted}>
          No approval needed
        </Text>
      );
    case 'block':
      return (
        <span className={styles.blocked}>
          <ProhibitedRegular aria-hidden />
          <Text size={200} className={styles.muted} title={entry.approval.reason}>
            Blocked: {entry.approval.reason}
          </Text>
        </span>
      );
    case 'confirm':
      return (
        <Checkbox
          checked={status === 'confirmed'}
          onChange={(_event, data) => confirm(entry.key, data.checked === true)}
          label="Confirm"
          aria-label={`Confirm ${label}`}
        />
      );
    case 'typed-confirm': {
      const leftOut = status === 'left-out';
      return (
        <div className={styles.cell}>
          <div className={styles.typed}>
            <div className={styles.typedLine}>
              <Input
                className={styles.input}
                size="small"
                value={typed}
                disabled={leftOut}
                placeholder={`Type ${login}`}
                aria-label={`Type ${login} to approve ${label}`}
                aria-invalid={status === 'typed-mismatch' ? true : undefined}
                autoComplete="off"
                spellCheck={false}
                onChange={(_event, data) => setTyped(entry.key, data.value)}
              />
              <span className={styles.match} aria-live="polite">
                {status === 'typed-match' && (
                  <>
                    <CheckmarkCircleRegular className={styles.good} aria-hidden />
                    <Text size={200}>Matches</Text>
                  </>
                )}
                {status === 'typed-mismatch' && (
                  <>
                    <DismissCircleRegular className={styles.bad} aria-hidden />
                    <Text size={200}>Does not match</Text>
                  </>
                )}
              </span>
            </div>
          </div>
          <ToggleButton className={styles.leaveOut} size="small" appearance="subtle" checked={leftOut} onClick={() => leaveOut(entry.key, !leftOut)} aria-label={`Leave out ${label}`}>
            {leftOut ? 'Left out' : 'Leave out'}
          </ToggleButton>
        </div>
      );
    }
  }
}
