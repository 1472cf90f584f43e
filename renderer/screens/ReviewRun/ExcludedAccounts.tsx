// Accounts the exclusion rules keep out of the plan, each with its reason.
// They are never touched and appear in the run report as excluded.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ChevronDownRegular, ChevronRightRegular } from '@fluentui/react-icons';
import { useCallback, useMemo, useState } from 'react';
import type { PlanDto } from '../../../preload/contract';
import { formatCount, plural } from '../../lib/format';
import { groupExclusions } from './exclusion-view';
import { accountLabel } from './plan-view';
import { SectionHeading } from './SectionHeading';
import { VirtualList } from './VirtualList';

const ROW_HEIGHT = 44;

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  rules: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, color: tokens.colorNeutralForeground2 },
  setName: { fontWeight: tokens.fontWeightSemibold, color: tokens.colorNeutralForeground1 },
  toggle: { alignSelf: 'flex-start' },
  row: { display: 'grid', gridTemplateColumns: 'minmax(180px, 1fr) minmax(0, 2fr)', columnGap: tokens.spacingHorizontalM, alignItems: 'center', height: '100%', padding: `0 ${tokens.spacingHorizontalM}` },
  who: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  login: { fontWeight: tokens.fontWeightSemibold, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  muted: { color: tokens.colorNeutralForeground3, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  reason: { overflow: 'hidden', textOverflow: 'ellipsis', display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical' },
});

export function ExcludedAccounts({ plan }: { plan: PlanDto }) {
  const styles = useStyles();
  const [open, setOpen] = useState(false);
  const groups = useMemo(() => groupExclusions(plan.excluded), [plan]);
  const names = useMemo(() => new Map(plan.directories.map((d) => [d.id, d.displayName])), [plan]);
  const excluded = plan.excluded;
  const rowKey = useCallback((index: number) => excluded[index]?.key ?? String(index), [excluded]);
  const renderRow = useCallback(
    (index: number) => {
      const entry = excluded[index];
      if (!entry) return null;
      return (
        <div className={styles.row}>
          <div className={styles.who}>
            <Text size={300} className={styles.login}>
              {accountLabel(entry.account)}
            </Text>
            <Text size={200} className={styles.muted}>
              {names.get(entry.account.directoryId) ?? entry.account.directoryId} · {entry.exclusion.setName}
            </Text>
          </div>
          <Text size={200} className={styles.reason} title={entry.exclusion.reason}>
            {entry.exclusion.reason}
          </Text>
        </div>
      );
    },
    [excluded, names, styles],
  );

  if (excluded.length === 0) return null;
  return (
    <section className={styles.section} aria-labelledby="plan-excluded">
      <SectionHeading id="plan-excluded" count={excluded.length} noun="account">
        Excluded
      </SectionHeading>
      <ul className={styles.rules}>
        {groups.map((group) => (
          <li key={`${group.setName}/${group.ruleId}`}>
            <Text size={200}>
              {formatCount(group.count)} by <span className={styles.setName}>{group.setName}</span> ({group.description})
            </Text>
          </li>
        ))}
      </ul>
      <Button
        className={styles.toggle}
        size="small"
        appearance="transparent"
        icon={open ? <ChevronDownRegular /> : <ChevronRightRegular />}
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        {open ? 'Hide excluded accounts' : `Show the ${plural(excluded.length, 'excluded account')} with reasons`}
      </Button>
      {open && <VirtualList label="Excluded accounts" count={excluded.length} rowHeight={ROW_HEIGHT} maxHeight={320} rowKey={rowKey} renderRow={renderRow} focusableFrame />}
    </section>
  );
}
