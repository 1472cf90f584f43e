// One kind of warning: what it means, how many accounts it concerns, and on
// request the accounts with the directory's own words about each.
import { Badge, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular, WarningRegular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { plural } from '../../lib/format';
import type { WarningGroup as Group } from './plan-view';

/** Accounts listed under an open group before "and N more". */
const SHOWN = 100;

const useStyles = makeStyles({
  group: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { color: tokens.colorPaletteMarigoldForeground2, fontSize: '16px', flexShrink: 0 },
  title: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  sentence: { color: tokens.colorNeutralForeground2 },
  toggle: { marginLeft: 'auto', flexShrink: 0 },
  accounts: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  login: { fontWeight: tokens.fontWeightSemibold },
  more: { color: tokens.colorNeutralForeground3 },
});

export function WarningGroup({ group }: { group: Group }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const listId = useId();
  return (
    <li className={styles.group}>
      <div className={styles.head}>
        <WarningRegular className={styles.icon} aria-hidden />
        <h3 className={styles.title}>{group.title}</h3>
        <Badge appearance="tint" color="warning" shape="rounded" size="small">
          {plural(group.count, 'account')}
        </Badge>
        <Button
          className={styles.toggle}
          size="small"
          appearance="transparent"
          icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
          aria-expanded={open}
          aria-controls={open ? listId : undefined}
          aria-label={`${open ? 'Hide accounts' : `Show ${plural(group.count, 'account')}`}: ${group.title}`}
          onClick={() => setOpen(!open)}
        >
          {open ? 'Hide accounts' : `Show ${plural(group.count, 'account')}`}
        </Button>
      </div>
      <Text size={200} className={styles.sentence}>
        {group.sentence}
      </Text>
      {open && (
        <ul id={listId} className={styles.accounts}>
          {group.accounts.slice(0, SHOWN).map((account) => (
            <li key={account.key}>
              <Text size={200}>
                <span className={styles.login}>{account.label}</span>: {account.message}
              </Text>
            </li>
          ))}
          {group.accounts.length > SHOWN && (
            <li className={styles.more}>
              <Text size={200}>…and {plural(group.accounts.length - SHOWN, 'more account')}; filter the rows below by "With warnings" to see them all.</Text>
            </li>
          )}
        </ul>
      )}
    </li>
  );
}
