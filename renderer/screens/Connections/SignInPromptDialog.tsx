// A sign-in that needs the operator: the device code to enter and where, or a
// note that a browser window opened. Closes itself when the sign-in ends;
// hiding it does not cancel the sign-in.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useConnectionsStore } from '../../state/connections-store';
import { CopyButton } from './CopyButton';

const useStyles = makeStyles({
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    letterSpacing: '0.1em',
    fontWeight: tokens.fontWeightSemibold,
  },
  row: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap' },
});

export function SignInPromptDialog() {
  const styles = useStyles();
  const prompt = useConnectionsStore((state) => state.prompt);
  const name = useConnectionsStore((state) => state.connections.find((connection) => connection.id === prompt?.id)?.displayName);
  const close = () => useConnectionsStore.getState().showPrompt(null);
  if (!prompt) return null;
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && close()}>
      <DialogSurface aria-describedby="sign-in-prompt-message">
        <DialogBody>
          <DialogTitle>Sign in{name ? ` to ${name}` : ''}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text id="sign-in-prompt-message">{prompt.message}</Text>
            {prompt.userCode && (
              <div className={styles.row}>
                <Text className={styles.code} aria-label={`Code: ${prompt.userCode.split('').join(' ')}`}>
                  {prompt.userCode}
                </Text>
                <CopyButton text={prompt.userCode} label="Copy code" />
              </div>
            )}
            {prompt.verificationUri && (
              <div className={styles.row}>
                <Link href={prompt.verificationUri} target="_blank" rel="noreferrer noopener">
                  {prompt.verificationUri}
                </Link>
                <CopyButton text={prompt.verificationUri} label="Copy address" />
              </div>
            )}
            <Text size={200}>This closes by itself once the sign-in finishes. Hiding it does not cancel the sign-in.</Text>
          </DialogContent>
          <DialogActions>
            <Button onClick={close}>Hide</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
