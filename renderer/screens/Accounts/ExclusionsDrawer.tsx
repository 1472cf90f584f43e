// The exclusions panel: choose which saved exclusion sets apply, and see every
// selected account they keep out, with the set, the rule and the reason.
// Nothing here changes an account; the plan applies the same rules.
import {
  Button,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  OverlayDrawer,
  Spinner,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DismissRegular } from '@fluentui/react-icons';
import { useConsoleStore } from '../../state/store';
import { ExcludedGrid } from './ExcludedGrid';
import { ExclusionSetPicker } from './ExclusionSetPicker';
import { RuleCounts } from './RuleCounts';
import { useExclusionPreview } from './useExclusionPreview';

const useStyles = makeStyles({
  body: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, paddingBottom: tokens.spacingVerticalL },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  note: { color: tokens.colorNeutralForeground2 },
});

export function ExclusionsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const styles = useStyles();
  const sets = useConsoleStore((state) => state.settings?.exclusionSets);
  const preview = useExclusionPreview(open);

  return (
    <OverlayDrawer open={open} position="end" size="large" onOpenChange={(_event, data) => !data.open && onClose()} aria-labelledby="exclusions-title">
      <DrawerHeader>
        <DrawerHeaderTitle
          heading={{ id: 'exclusions-title', as: 'h2' }}
          action={<Button appearance="subtle" aria-label="Close exclusions" icon={<DismissRegular />} onClick={onClose} />}
        >
          Exclusions
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody className={styles.body}>
        {sets ? <ExclusionSetPicker sets={sets} /> : <Spinner size="tiny" label="Loading the saved exclusion sets…" />}
        <section className={styles.section} aria-labelledby="excluded-heading">
          <h3 id="excluded-heading" className={styles.heading}>
            Kept out of the plan
          </h3>
          <div role="status" aria-live="polite">
            {preview.phase === 'empty' && <Text className={styles.note}>Select accounts first: this lists which of them the chosen sets keep out, and why.</Text>}
            {preview.phase === 'loading' && <Spinner size="tiny" labelPosition="after" label="Checking the selected accounts against the rules…" />}
            {preview.phase === 'failed' && (
              <MessageBar intent="error" layout="multiline">
                <MessageBarBody>Could not check the exclusions: {preview.message}</MessageBarBody>
              </MessageBar>
            )}
            {preview.phase === 'ready' && <Text weight="semibold">{preview.view.summary}</Text>}
          </div>
          {preview.phase === 'ready' && preview.view.excluded > 0 && (
            <>
              <RuleCounts rules={preview.view.byRule} />
              <ExcludedGrid rows={preview.view.rows} height={Math.min(420, 34 + preview.view.rows.length * 32)} />
            </>
          )}
        </section>
      </DrawerBody>
    </OverlayDrawer>
  );
}
