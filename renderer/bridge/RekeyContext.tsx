// Hands the connection to components. One provider at the root (main.tsx);
// tests and screens get the API from here, never from a global.
import { createContext, useContext, type ReactNode } from 'react';
import type { RekeyConnection } from './connect';

const RekeyContext = createContext<RekeyConnection | null>(null);

export function RekeyProvider({ connection, children }: { connection: RekeyConnection; children: ReactNode }) {
  return <RekeyContext.Provider value={connection}>{children}</RekeyContext.Provider>;
}

export function useRekeyConnection(): RekeyConnection {
  const connection = useContext(RekeyContext);
  if (!connection) throw new Error('useRekeyConnection must be used inside <RekeyProvider>.');
  return connection;
}
