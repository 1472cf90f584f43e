// How hard Rekey may push each directory. Edited as a draft and saved with one
// button, because the three numbers are usually tuned together.
import { Button, Field, makeStyles, SpinButton, tokens, type SpinButtonOnChangeData } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { Settings } from '../../../preload/contract';
import { SettingsSection } from './SettingsSection';
import { useSaveSettings } from './useSaveSettings';

type Pacing = Settings['pacing'];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(240px, 1fr))', alignItems: 'start', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** The number a SpinButton change means: the stepped value, or what was typed. */
function numberFrom(data: SpinButtonOnChangeData): number | null {
  if (typeof data.value === 'number') return data.value;
  const typed = Number.parseFloat(data.displayValue ?? '');
  return Number.isFinite(typed) ? typed : null;
}

export function PacingSettings({ saved }: { saved: Pacing }) {
  const styles = useStyles();
  const { status, save } = useSaveSettings();
  const [draft, setDraftState] = useState<Pacing>(saved);
  // A SpinButton commits typed text on blur or Enter, in the same gesture that
  // submits the form; the ref lets submit read that last commit even before
  // React has re-rendered with it.
  const latest = useRef<Pacing>(saved);
  const setDraft = (next: Pacing) => {
    latest.current = next;
    setDraftState(next);
  };
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  // When what main saved changes (a save, a reconnect), start the draft again from it.
  const [draftBase, setDraftBase] = useState<Pacing>(saved);
  if (draftBase !== saved) {
    setDraftBase(saved);
    setDraftState(saved);
  }
  const sharePercent = Math.round(draft.rateShare * 100);
  const changed = draft.maxConcurrency !== saved.maxConcurrency || draft.rateShare !== saved.rateShare || draft.windowsThrottle !== saved.windowsThrottle;

  const update = (key: keyof Pacing, scale = 1) =>
    (_event: unknown, data: SpinButtonOnChangeData) => {
      const value = numberFrom(data);
      if (value !== null) setDraft({ ...latest.current, [key]: value / scale });
    };

  return (
    <SettingsSection id="settings-pacing" title="Pacing" status={status}>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save({ pacing: latest.current }, 'Pacing');
        }}
      >
        <div className={styles.fields}>
          <Field label="Batches in flight per directory" hint="1 to 64. A directory's own limit wins when it is lower.">
            <SpinButton value={draft.maxConcurrency} min={1} max={64} onChange={update('maxConcurrency')} />
          </Field>
          <Field label="Share of each directory's rate limit (%)" hint="10 to 100. Leave room for other tools using the same directory.">
            <SpinButton value={sharePercent} min={10} max={100} step={5} onChange={update('rateShare', 100)} />
          </Field>
          <Field label="Windows remoting throttle" hint="1 to 128 hosts at once (Invoke-Command -ThrottleLimit).">
            <SpinButton value={draft.windowsThrottle} min={1} max={128} onChange={update('windowsThrottle')} />
          </Field>
        </div>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={status.kind === 'saving'}>
            Save pacing
          </Button>
          <Button type="button" disabled={!changed} onClick={() => setDraft(saved)}>
            Discard changes
          </Button>
        </div>
      </form>
    </SettingsSection>
  );
}
