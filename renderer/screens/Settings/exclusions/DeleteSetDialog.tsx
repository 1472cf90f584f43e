// Asks before deleting an exclusion set from the draft. Nothing is saved until
// "Save exclusion sets"; Discard brings it back.
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger } from '@fluentui/react-components';
import { DeleteRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { plural } from '../../../lib/format';

export function DeleteSetDialog({ setName, ruleCount, onDelete }: { setName: string; ruleCount: number; onDelete: () => void }) {
  const [open, setOpen] = useState(false);
  const name = setName.trim() || 'this set';
  return (
    <Dialog open={open} onOpenChange={(_event, data) => setOpen(data.open)}>
      <DialogTrigger disableButtonEnhancement>
        <Button size="small" icon={<DeleteRegular />}>
          Delete set
        </Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>Delete “{name}”?</DialogTitle>
          <DialogContent>
            The set and its {plural(ruleCount, 'rule')} leave the draft. Its never-touch accounts stop being protected once you save. Discard changes brings it back until then.
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              onClick={() => {
                setOpen(false);
                onDelete();
              }}
            >
              Delete set
            </Button>
            <DialogTrigger disableButtonEnhancement>
              <Button>Cancel</Button>
            </DialogTrigger>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
