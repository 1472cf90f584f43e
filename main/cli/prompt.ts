// Interactive approval on a terminal: one question for all "confirm"
// accounts, and one typed name per "typed-confirm" account.
import type { Plan } from '../core/domain';
import type { ApprovalAnswer } from '../core/policy';
import type { CliIo } from './io';

export async function askApprovals(io: CliIo, plan: Plan, answers: Map<string, ApprovalAnswer>): Promise<void> {
  const confirm = plan.entries.filter((e) => e.approval.decision === 'confirm' && !answers.get(e.key)?.confirmed && answers.get(e.key)?.typedText === undefined);
  if (confirm.length > 0) {
    const reply = await io.ask(`Reset ${confirm.length} account${confirm.length === 1 ? '' : 's'} that need confirmation? [y/N] `);
    if (/^y(es)?$/i.test(reply.trim())) for (const e of confirm) answers.set(e.key, { ...answers.get(e.key), confirmed: true });
  }
  for (const entry of plan.entries) {
    if (entry.approval.decision !== 'typed-confirm' || answers.get(entry.key)?.typedText !== undefined) continue;
    const typed = await io.ask(`${entry.account.displayName} [${entry.account.directoryId}] needs typed approval (${entry.approval.reason}). Type the login to approve, or press Enter to skip: `);
    if (typed.trim()) answers.set(entry.key, { ...answers.get(entry.key), typedText: typed });
  }
}
