// "Paste net user output": for a machine Rekey cannot reach, the helpdesk asks
// the user (or a colleague on site) to run `net user NAME` and pastes the text
// here; Rekey says what it shows, in any of the languages it reads.
import { Button, Field, makeStyles, MessageBar, MessageBarBody, Spinner, Text, Textarea, tokens } from '@fluentui/react-components';
import { DocumentTextRegular } from '@fluentui/react-icons';
import { useVerifyStore } from '../../state/verify-store';
import { NetUserExplanationView } from './NetUserExplanationView';
import { explanationAnnouncement } from './verify-view';

const useStyles = makeStyles({
  section: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalXL}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  icon: { fontSize: '20px', color: tokens.colorNeutralForeground2, display: 'inline-flex' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  purpose: { color: tokens.colorNeutralForeground2, maxWidth: '80ch' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  textarea: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200, minHeight: '160px' },
  actions: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  code: { fontFamily: tokens.fontFamilyMonospace },
});

export function NetUserExplainer({ onExplain }: { onExplain: (text: string) => void }) {
  const styles = useStyles();
  const text = useVerifyStore((state) => state.netUserText);
  const explain = useVerifyStore((state) => state.explain);
  const setText = useVerifyStore((state) => state.setNetUserText);
  const setExplain = useVerifyStore((state) => state.setExplain);
  const submit = () => {
    if (text.trim() !== '') onExplain(text);
  };

  return (
    <section className={styles.section} aria-labelledby="net-user-title">
      <div className={styles.header}>
        <span className={styles.icon} aria-hidden>
          <DocumentTextRegular />
        </span>
        <h2 id="net-user-title" className={styles.title}>
          Explain net user output
        </h2>
      </div>
      <Text className={styles.purpose}>
        For a computer Rekey cannot reach: ask someone at it to run <span className={styles.code}>net user NAME</span> in a command prompt and paste what it prints. English,
        German, French and Spanish Windows are understood.
      </Text>
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Field label="Output of net user" hint="Ctrl+Enter explains.">
          <Textarea
            textarea={{ className: styles.textarea, spellCheck: false }}
            resize="vertical"
            value={text}
            onChange={(_event, data) => setText(data.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                submit();
              }
            }}
          />
        </Field>
        <div className={styles.actions}>
          <Button type="submit" appearance="primary" disabled={text.trim() === '' || explain.kind === 'loading'}>
            Explain
          </Button>
          <Button
            type="button"
            disabled={text === '' && explain.kind === 'idle'}
            onClick={() => {
              setText('');
              setExplain({ kind: 'idle' });
            }}
          >
            Clear
          </Button>
          <Text role="status" size={200}>
            {explain.kind === 'loading' ? <Spinner size="extra-tiny" label="Reading the output…" labelPosition="after" /> : null}
            {explain.kind === 'done' ? explanationAnnouncement(explain.explanation) : null}
          </Text>
        </div>
      </form>
      {explain.kind === 'failed' && (
        <MessageBar intent="error">
          <MessageBarBody>The output could not be explained: {explain.message}</MessageBarBody>
        </MessageBar>
      )}
      {explain.kind === 'done' && <NetUserExplanationView explanation={explain.explanation} />}
    </section>
  );
}
