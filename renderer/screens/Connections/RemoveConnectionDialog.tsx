// "Remove Contoso?" with what removing forgets, so a click never drops a
// tenant by surprise.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle } from '@fluentui/react-components';
import type { ConnectionView } from '../../../preload/contract';
import { removeConsequence } from './model/connection-view';

export function RemoveConnectionDialog({ view, onConfirm, onCancel }: { view: ConnectionView; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Dialog open modalType="alert" onOpenChange={(_event, data) => !data.open && onCancel()}>
      <DialogSurface aria-describedby="remove-connection-consequence">
        <DialogBody>
          <DialogTitle>Remove {view.displayName}?</DialogTitle>
          <DialogContent id="remove-connection-consequence">{removeConsequence(view)}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onConfirm}>
              Remove
            </Button>
            <Button onClick={onCancel}>Keep it</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
