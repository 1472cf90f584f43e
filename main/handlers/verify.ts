// verify.* channels: look-up and re-read, verify again, net user explanations (main/console/verify.ts).
import type { HandlerTable } from '../ipc/dispatch';
import type { VerifyService } from '../console/verify';

export function verifyHandlers(verify: VerifyService): Pick<HandlerTable, 'verify.lookup' | 'verify.again' | 'verify.explainNetUser'> {
  return {
    'verify.lookup': (request) => verify.lookup(request),
    'verify.again': ({ runId, keys }) => verify.again(runId, keys),
    'verify.explainNetUser': ({ text }) => verify.explainNetUser(text),
  };
}
