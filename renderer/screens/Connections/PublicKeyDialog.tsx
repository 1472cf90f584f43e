// Shown once, right after an Okta private-key connection is added: the public
// key to register in the Okta service app (it is also on the card).
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, makeStyles, Text, tokens } from '@fluentui/react-components';
import { PublicKeyBlock } from './PublicKeyBlock';

const useStyles = makeStyles({ content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM } });

export function PublicKeyDialog({ name, jwk, onClose }: { name: string; jwk: string; onClose: () => void }) {
  const styles = useStyles();
  return (
    <Dialog open onOpenChange={(_event, data) => !data.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Register this key in {name}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              Rekey generated a key pair for this org and keeps the private key encrypted on this computer. Okta needs the public key: add it to the service app, grant the app okta.users.read, okta.users.manage and okta.groups.read, then sign in.
            </Text>
            <PublicKeyBlock jwk={jwk} />
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              Done
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
