import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { issueSentence, toFieldErrors } from '../../../../renderer/screens/Settings/field-issues';

function firstIssue(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected a problem');
  const issue = parsed.error.issues[0];
  if (!issue) throw new Error('no issue');
  return issue;
}

describe('issue sentences', () => {
  it('says what is missing or too long in words', () => {
    expect(issueSentence(firstIssue(z.string().trim().min(1), '  '), 'Pattern')).toBe('Pattern is required.');
    expect(issueSentence(firstIssue(z.array(z.string()).min(1), []), 'Patterns', 'pattern')).toBe('Add at least one pattern.');
    expect(issueSentence(firstIssue(z.array(z.string()).min(3), []), 'RIDs', 'RID')).toBe('Add at least 3 RIDs.');
    expect(issueSentence(firstIssue(z.string().max(5), 'toolong'), 'Tag')).toBe('Tag is too long: at most 5 characters.');
    expect(issueSentence(firstIssue(z.array(z.number()).max(1), [1, 2]), 'RIDs', 'RID')).toBe('RIDs has too many RIDs: at most 1.');
    expect(issueSentence(firstIssue(z.number().max(64), 65), 'Concurrency')).toBe('Concurrency must be at most 64.');
  });

  it('keeps custom messages, which are already sentences', () => {
    const schema = z.string().refine(() => false, { message: 'The name "x" is used twice; each must be unique.' });
    expect(issueSentence(firstIssue(schema, 'x'), 'Name')).toBe('The name "x" is used twice; each must be unique.');
  });

  it('keeps the first message per field', () => {
    expect(toFieldErrors([{ field: 'a', message: 'one' }, { field: 'a', message: 'two' }, { field: 'b', message: 'three' }])).toEqual({ a: 'one', b: 'three' });
  });
});
