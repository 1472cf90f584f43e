// The directories a lookup can be narrowed to. Directory ids come from the
// account listing (one connection, such as the practice tenant, can hold
// several directories). The console lists accounts as soon as it opens, so
// this normally reads the existing snapshot rather than starting a listing.
import { useEffect, useState } from 'react';
import { useRekeyConnection } from '../../bridge/RekeyContext';
import { callErrorMessage } from '../../lib/errors';

export interface LookupDirectory {
  id: string;
  displayName: string;
  /** False when its listing failed: a lookup there will probably fail too, and say why. */
  usable: boolean;
}

export function useLookupDirectories(): { directories: LookupDirectory[]; error: string | null } {
  const { api } = useRekeyConnection();
  const [directories, setDirectories] = useState<LookupDirectory[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let active = true;
    const load = () => {
      api.accounts.list({ offset: 0, limit: 1 }).then(
        (page) => {
          if (!active) return;
          setError(null);
          setDirectories(page.directories.map((directory) => ({ id: directory.directoryId, displayName: directory.displayName, usable: directory.state !== 'failed' })));
        },
        (failure: unknown) => {
          if (active) setError(`The list of connected directories could not be read: ${callErrorMessage(failure)}`);
        },
      );
    };
    load();
    const unsubscribe = api.on('connections.changed', load);
    return () => {
      active = false;
      unsubscribe();
    };
  }, [api]);
  return { directories, error };
}
