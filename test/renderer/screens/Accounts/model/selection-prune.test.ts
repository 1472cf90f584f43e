import { describe, expect, it } from 'vitest';
import { AccountTable } from '../../../../../renderer/screens/Accounts/model/account-table';
import { unlistedKeys } from '../../../../../renderer/screens/Accounts/model/selection-prune';
import { account } from './accounts-fixture';

describe('unlistedKeys', () => {
  it('names the selected keys the listing no longer has', () => {
    const table = new AccountTable();
    table.append([account('a'), account('b')]);
    const selected = new Set(['entra:contoso|id-a', 'gone:dir|id-x', 'entra:contoso|id-zz']);
    expect(unlistedKeys(selected, table)).toEqual(['gone:dir|id-x', 'entra:contoso|id-zz']);
    expect(unlistedKeys(new Set(['entra:contoso|id-b']), table)).toEqual([]);
  });
});
