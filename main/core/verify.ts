// Verification: re-read each touched account and compare with what ran. A
// mismatch is a failure, shown with the evidence; a state that cannot be read
// (or a directory that cannot tell) is "could not verify", never success.
import type { DirectoryCapabilities, StepKind, VerifiedState, VerifyOutcome, VerifyResult } from './domain';

/** Clocks differ between Rekey and the directory; a revocation this much earlier than our call still counts. */
export const DEFAULT_SESSION_SKEW_MS = 2 * 60_000;

export interface StepRan {
  step: StepKind;
  status: string;
  /** When the directory call carrying this step began. */
  startedAt: string;
}

export interface JudgeInput {
  key: string;
  steps: readonly StepRan[];
  state: VerifiedState;
  capabilities: DirectoryCapabilities;
  skewMs?: number;
}

/** Compare the state read back with the steps that reported done. */
export function judgeVerification(input: JudgeInput): VerifyResult {
  const { state } = input;
  const skew = input.skewMs ?? DEFAULT_SESSION_SKEW_MS;
  const reasons: string[] = [];
  let failed = false;
  let unknown = false;
  const fail = (text: string) => {
    failed = true;
    reasons.push(text);
  };
  const cannot = (text: string) => {
    unknown = true;
    reasons.push(text);
  };
  const done = input.steps.filter((s) => s.status === 'done');

  if (state.error) {
    cannot(`The account could not be read back (${state.via}): ${state.error}`);
  } else if (done.length === 0) {
    cannot('No step reported done, so there is nothing to verify.');
  } else {
    for (const step of done) {
      switch (step.step) {
        case 'force-change':
          if (state.mustChange === 'yes') reasons.push(`"Must change password" reads yes (${state.via}).`);
          else if (state.mustChange === 'no') fail(`"Must change password" reads no (${state.via}) although the step reported done.`);
          else cannot(`${state.via} does not tell whether "must change password" is set.`);
          break;
        case 'end-sessions': {
          if (!input.capabilities.readsSessionRevocation) {
            reasons.push('Session revocation cannot be read back from this directory; the step\'s own answer is the evidence.');
            break;
          }
          const since = state.sessionsRevokedSince;
          if (since === undefined) cannot(`${state.via} did not return when sessions were revoked.`);
          else if (since === null) fail(`Sessions read as never revoked (${state.via}).`);
          else {
            const threshold = Date.parse(step.startedAt) - skew;
            if (Date.parse(since) >= threshold) reasons.push(`Sessions are valid only from ${since} (${state.via}).`);
            else fail(`Sessions are valid from ${since}, before the revocation at ${step.startedAt}; revocation can take a few minutes — verify again later.`);
          }
          break;
        }
        case 'clear-never-expires':
          if (state.neverExpires === false) reasons.push(`"Password never expires" is cleared (${state.via}).`);
          else if (state.neverExpires === true) fail(`"Password never expires" is still set (${state.via}), which cancels "must change".`);
          else cannot(`${state.via} does not tell whether "password never expires" is set.`);
          break;
      }
    }
  }
  const outcome: VerifyOutcome = failed ? 'not-verified' : unknown ? 'could-not-verify' : 'verified';
  return { key: input.key, outcome, reasons, state };
}

/**
 * On resume: does the state read back PROVE every planned step already took
 * effect? Stricter than judgeVerification: a step whose effect cannot be read
 * (sessions on Okta, or no known start time) counts as not applied, so it
 * runs again — every step is idempotent, a missed one is not.
 */
export function provesApplied(steps: readonly StepKind[], state: VerifiedState, capabilities: DirectoryCapabilities, startedAt: string | undefined, skewMs = DEFAULT_SESSION_SKEW_MS): boolean {
  if (state.error || steps.length === 0) return false;
  return steps.every((step) => {
    switch (step) {
      case 'force-change':
        return state.mustChange === 'yes';
      case 'clear-never-expires':
        return state.neverExpires === false;
      case 'end-sessions':
        return (
          capabilities.readsSessionRevocation &&
          startedAt !== undefined &&
          typeof state.sessionsRevokedSince === 'string' &&
          Date.parse(state.sessionsRevokedSince) >= Date.parse(startedAt) - skewMs
        );
    }
  });
}
