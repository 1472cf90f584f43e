import type { Account } from './domain';

/** How an account is named to people: HOST\name for Windows (the same SAM name exists on many hosts), the login otherwise. */
export function accountLabel(account: Pick<Account, 'login' | 'attributes'>): string {
  return account.attributes.host ? `${account.attributes.host}\\${account.login}` : account.login;
}
