// Turning an operator's blanket answers into per-account approval answers
// (the CLI's --yes and --approve; the console sends per-account answers).
import type { Plan } from '../core/domain';
import { typedTextMatches, type ApprovalAnswer } from '../core/policy';

export interface BlanketAnswers {
  /** Confirm every account whose policy is "confirm". Never satisfies typed-confirm. */
  confirmAll: boolean;
  /** Account names the operator typed: each approves the accounts whose login it matches under the typed-confirm rule. */
  typedNames: readonly string[];
}

export function answersFor(plan: Plan, blanket: BlanketAnswers): Map<string, ApprovalAnswer> {
  const answers = new Map<string, ApprovalAnswer>();
  for (const entry of plan.entries) {
    const typed = blanket.typedNames.find((name) => typedTextMatches(entry.account.login, name));
    const answer: ApprovalAnswer = {};
    if (blanket.confirmAll) answer.confirmed = true;
    if (typed !== undefined) answer.typedText = typed;
    answers.set(entry.key, answer);
  }
  return answers;
}

/** Typed names that matched no planned account: almost always a typo the operator should hear about. */
export function unmatchedTypedNames(plan: Plan, typedNames: readonly string[]): string[] {
  return typedNames.filter((name) => !plan.entries.some((entry) => typedTextMatches(entry.account.login, name)));
}
