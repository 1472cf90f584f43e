// Turning the contract's zod issues into messages shown at the field that is
// wrong. The editors validate with the same schemas main uses before saving,
// so the operator sees "Pattern is required." under the pattern box instead
// of "settings.set was refused" after the round trip.
import type { z } from 'zod';

/** A problem with one field of a draft: the field's key (see each editor's fieldKey) and a sentence. */
export interface FieldIssue {
  field: string;
  message: string;
}

export type FieldErrors = Readonly<Record<string, string>>;

/** The first message per field wins: one clear sentence under a box is better than a pile. */
export function toFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: Record<string, string> = {};
  for (const issue of issues) errors[issue.field] ??= issue.message;
  return errors;
}

type Issue = z.core.$ZodIssue;

/**
 * A sentence for one zod issue about a field the operator knows as `label`.
 * Custom issues (the contract's "is used twice" checks) are already sentences.
 */
export function issueSentence(issue: Issue, label: string, itemName = 'entry'): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'string') return `${label} is required.`;
      if (issue.origin === 'array') return Number(issue.minimum) <= 1 ? `Add at least one ${itemName}.` : `Add at least ${String(issue.minimum)} ${itemName}s.`;
      return `${label} must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      if (issue.origin === 'string') return `${label} is too long: at most ${String(issue.maximum)} characters.`;
      if (issue.origin === 'array') return `${label} has too many ${itemName}s: at most ${String(issue.maximum)}.`;
      return `${label} must be at most ${String(issue.maximum)}.`;
    case 'invalid_type':
      return `${label} is not valid.`;
    default:
      return issue.message;
  }
}
