// Cancelling asks first: work in flight still finishes, and what was applied stays applied.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { DismissCircleRegular } from '@fluentui/react-icons';

export function CancelRunDialog({ disabled, onCancel }: { disabled: boolean; onCancel: () => void }) {
  return (
    <Dialog modalType="alert">
      <DialogTrigger disableButtonEnhancement>
        <Button icon={<DismissCircleRegular />} disabled={disabled}>
          Cancel run
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Cancel the run?</DialogTitle>
          <DialogContent>
            Accounts being reset right now finish; the rest are marked cancelled and left unchanged. What was already applied stays applied and is
            verified and recorded in the journal. You can plan the cancelled accounts again afterwards.
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button appearance="primary" onClick={onCancel}>
                Cancel the run
              </Button>
            </DialogTrigger>
            <DialogTrigger disableButtonEnhancement>
              <Button>Keep running</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
