// A compact "is the console connected" indicator for the header. Electron is
// always online; the practice bridge can drop and come back.
import { Badge } from '@fluentui/react-components';
import { useConsoleStore } from '../state/store';

export function ConnectionBadge() {
  const connection = useConsoleStore((state) => state.connection);
  switch (connection.status) {
    case 'online':
      return null;
    case 'connecting':
      return (
        <Badge appearance="tint" color="informative" shape="rounded">
          Connecting…
        </Badge>
      );
    case 'offline':
    case 'no-token':
      return (
        <Badge appearance="filled" color="danger" shape="rounded">
          Offline
        </Badge>
      );
  }
}
