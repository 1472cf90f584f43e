// One cell of the accounts grid. Flags that matter before a reset (this is
// you, this is the connection's own account, privileged) are visible in the
// row itself, not only in the plan.
import { Badge, makeStyles, tokens } from '@fluentui/react-components';
import { ShieldKeyholeRegular } from '@fluentui/react-icons';
import type { AccountDto } from '../../../preload/contract';
import { formatDateTime } from '../../lib/format';
import type { SortColumn } from './model/sort';
import { accountStatus } from './model/facets';

const useStyles = makeStyles({
  name: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS, minWidth: 0 },
  text: { overflow: 'hidden', textOverflow: 'ellipsis' },
  // Inside a selected row in forced colours the row's HighlightText must win.
  quiet: { color: tokens.colorNeutralForeground3, '@media (forced-colors: active)': { color: 'inherit' } },
  host: { color: tokens.colorNeutralForeground3, '@media (forced-colors: active)': { color: 'inherit' } },
  privileged: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, fontWeight: tokens.fontWeightSemibold },
  badge: { flexShrink: 0 },
});

const yesNo = (value: boolean | null | undefined, unknown: string): { text: string; quiet: boolean } =>
  value === true ? { text: 'Yes', quiet: false } : value === false ? { text: 'No', quiet: true } : { text: unknown, quiet: true };

export function AccountCell({ account, column, directoryName }: { account: AccountDto; column: SortColumn; directoryName: string }) {
  const styles = useStyles();
  const { attributes } = account;
  switch (column) {
    case 'name':
      return (
        <span className={styles.name} title={attributes.host ? `${attributes.host}\\${account.login}` : account.login}>
          <span className={styles.text}>
            {attributes.host && <span className={styles.host}>{`${attributes.host}\\`}</span>}
            {account.login}
          </span>
          {attributes.isCurrentUser && (
            <Badge size="small" appearance="tint" color="brand" className={styles.badge}>
              You
            </Badge>
          )}
          {attributes.isConnectionAccount && (
            <Badge size="small" appearance="tint" color="warning" className={styles.badge}>
              Connection account
            </Badge>
          )}
          {attributes.guest && (
            <Badge size="small" appearance="tint" color="informative" className={styles.badge}>
              Guest
            </Badge>
          )}
        </span>
      );
    case 'displayName':
      return <span title={account.displayName}>{account.displayName}</span>;
    case 'directory':
      return <span title={directoryName}>{directoryName}</span>;
    case 'status': {
      const status = accountStatus(account);
      return <span className={account.enabled ? undefined : styles.quiet}>{status}</span>;
    }
    case 'mustChange': {
      const value = yesNo(attributes.mustChange, 'Not known');
      return <span className={value.quiet ? styles.quiet : undefined}>{value.text}</span>;
    }
    case 'neverExpires': {
      const value = yesNo(attributes.neverExpires, 'Not reported');
      return <span className={value.quiet ? styles.quiet : undefined}>{value.text}</span>;
    }
    case 'privileged':
      return account.privileged ? (
        <span className={styles.privileged} title={account.privilegedWhy ?? 'Privileged'}>
          <ShieldKeyholeRegular aria-hidden />
          Yes
        </span>
      ) : (
        <span className={styles.quiet}>No</span>
      );
    case 'lastSignIn':
      return attributes.lastSignIn === undefined ? (
        <span className={styles.quiet}>Not reported</span>
      ) : (
        <span>{formatDateTime(attributes.lastSignIn, 'Never')}</span>
      );
    case 'groups': {
      const groups = account.groups.join(', ');
      return <span title={groups}>{groups || <span className={styles.quiet}>None</span>}</span>;
    }
  }
}
