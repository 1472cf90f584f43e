// connections.* channels: the registry does the work (main/console/connections.ts).
import type { HandlerTable } from '../ipc/dispatch';
import type { ConnectionRegistry } from '../console/connections';
import { importHosts } from '../console/host-import';

type ConnectionChannels = 'connections.list' | 'connections.add' | 'connections.remove' | 'connections.signIn' | 'connections.signOut' | 'connections.check' | 'connections.importHosts';

export function connectionsHandlers(registry: ConnectionRegistry): Pick<HandlerTable, ConnectionChannels> {
  return {
    'connections.list': () => registry.list(),
    'connections.add': (request) => registry.add(request),
    'connections.remove': async ({ id }) => ({ removed: await registry.remove(id) }),
    'connections.signIn': ({ id }) => registry.signIn(id),
    'connections.signOut': ({ id }) => registry.signOut(id),
    'connections.check': ({ id }) => registry.check(id),
    'connections.importHosts': ({ text }) => importHosts(text),
  };
}
