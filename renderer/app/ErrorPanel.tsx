// What the error boundary shows instead of a crashed screen.
import { Button, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, maxWidth: '880px' },
  details: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    padding: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
});

export function ErrorPanel({ error, componentStack, onReset }: { error: Error; componentStack: string; onReset: () => void }) {
  const styles = useStyles();
  return (
    <div className={styles.panel} role="alert">
      <MessageBar intent="error" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>This screen stopped working</MessageBarTitle>
          {error.message || 'An unexpected error occurred.'} Nothing was changed by the error itself; other screens still work.
        </MessageBarBody>
      </MessageBar>
      <details>
        <summary>Details for a bug report</summary>
        <pre className={styles.details}>{`${error.name}: ${error.message}\n${error.stack ?? ''}${componentStack}`}</pre>
      </details>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={onReset}>
          Back to Accounts
        </Button>
      </div>
    </div>
  );
}
