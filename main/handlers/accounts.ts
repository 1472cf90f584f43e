// accounts.* channels: pages of the listing snapshot and CSV imports (main/console/accounts.ts).
import type { HandlerTable } from '../ipc/dispatch';
import type { AccountsService } from '../console/accounts';

export function accountsHandlers(accounts: AccountsService): Pick<HandlerTable, 'accounts.list' | 'accounts.importCsv'> {
  return {
    'accounts.list': (request) => accounts.page(request),
    'accounts.importCsv': ({ fileName, text }) => accounts.importCsv(fileName, text),
  };
}
