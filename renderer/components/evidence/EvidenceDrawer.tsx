// The evidence behind one account's result, in an overlay drawer: each step's
// outcome with its evidence, the retries, and what verification read back.
// Esc, the close button or a click outside closes it; focus returns to the row.
import { Button, Divider, DrawerBody, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer, Text, tokens } from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { formatEvidenceTime } from './evidence-format';
import { StepResultCard, type StepResult } from './StepResultCard';
import { VerificationCard, type VerifyResult } from './VerificationCard';

export interface RetryNote {
  attempt: number;
  delayMs: number;
  reason: string;
  at: string;
}

export interface EvidenceDrawerProps {
  open: boolean;
  onClose(): void;
  /** The account, as people name it. */
  title: string;
  /** Display name and directory. */
  subtitle: string;
  /** The status chip. */
  status: ReactNode;
  /** Why the account is where it is, when known. */
  reason: string;
  steps: StepResult[];
  retries: StepResult[];
  retryNotes: RetryNote[];
  verify: { outcome: VerifyResult['outcome']; reasons: string[]; state: VerifyResult['state'] | null } | null;
}

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  subtitle: { color: tokens.colorNeutralForeground2 },
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalXL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0, fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold },
  muted: { color: tokens.colorNeutralForeground2 },
  retries: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export function EvidenceDrawer({ open, onClose, title, subtitle, status, reason, steps, retries, retryNotes, verify }: EvidenceDrawerProps) {
  const styles = useStyles();
  return (
    <OverlayDrawer open={open} position="end" size="medium" onOpenChange={(_event, data) => !data.open && onClose()} aria-label={`Evidence for ${title}`}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close" icon={<DismissRegular />} onClick={onClose} />}>{title}</DrawerHeaderTitle>
        <div className={styles.header}>
          <Text size={200} className={styles.subtitle}>
            {subtitle}
          </Text>
          <span>{status}</span>
          {reason && <Text>{reason}</Text>}
        </div>
      </DrawerHeader>
      <DrawerBody>
        <div className={styles.body}>
          <section className={styles.section} aria-labelledby="evidence-steps">
            <h3 id="evidence-steps" className={styles.heading}>
              Steps
            </h3>
            {steps.length === 0 ? (
              <Text className={styles.muted}>No step has finished for this account.</Text>
            ) : (
              steps.map((step, index) => (
                <div key={`${step.step}-${index}`} className={styles.section}>
                  {index > 0 && <Divider />}
                  <StepResultCard result={step} />
                </div>
              ))
            )}
          </section>

          {(retries.length > 0 || retryNotes.length > 0) && (
            <section className={styles.section} aria-labelledby="evidence-retries">
              <h3 id="evidence-retries" className={styles.heading}>
                Retries
              </h3>
              {retries.map((step, index) => (
                <StepResultCard key={`retry-${step.step}-${index}`} result={step} attemptNote="transient failure, retried" />
              ))}
              {retries.length === 0 && (
                <ul className={styles.retries}>
                  {retryNotes.map((note) => (
                    <li key={`${note.attempt}-${note.at}`}>
                      <Text>
                        {formatEvidenceTime(note.at)}: attempt {note.attempt} after {Math.round(note.delayMs / 100) / 10} s. {note.reason}
                      </Text>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          )}

          <section className={styles.section} aria-labelledby="evidence-verification">
            <h3 id="evidence-verification" className={styles.heading}>
              Verification
            </h3>
            {verify ? (
              <VerificationCard outcome={verify.outcome} reasons={verify.reasons} state={verify.state} />
            ) : (
              <Text className={styles.muted}>Not verified yet: Rekey re-reads each account when the run ends.</Text>
            )}
          </section>
        </div>
      </DrawerBody>
    </OverlayDrawer>
  );
}
