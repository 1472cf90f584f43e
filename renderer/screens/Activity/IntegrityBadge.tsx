// Whether a run's journal hash chain holds: "Chain verified: N records", or
// the first broken record and what is wrong with it.
import { Badge, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { ShieldCheckmarkRegular, ShieldErrorRegular } from '@fluentui/react-icons';
import type { JournalIntegrityDto, Loadable } from '../../state/activity-store';
import { integrityText } from './activity-view';

const useStyles = makeStyles({
  badge: { maxWidth: '100%', height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'start' },
  error: { color: tokens.colorPaletteRedForeground1 },
});

export function IntegrityBadge({ integrity }: { integrity: Loadable<JournalIntegrityDto> }) {
  const styles = useStyles();
  switch (integrity.status) {
    case 'idle':
    case 'loading':
      return <Spinner size="extra-tiny" label="Checking the journal…" labelPosition="after" />;
    case 'failed':
      return (
        <Text size={200} className={styles.error}>
          {integrity.error}
        </Text>
      );
    case 'loaded': {
      const { ok, text } = integrityText(integrity.value);
      return (
        <Badge className={styles.badge} appearance="tint" shape="rounded" color={ok ? 'success' : 'danger'} icon={ok ? <ShieldCheckmarkRegular /> : <ShieldErrorRegular />}>
          {text}
        </Badge>
      );
    }
  }
}
