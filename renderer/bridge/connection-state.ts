// How the console is connected to the handlers. Inside Electron it is always
// "online" (IPC cannot drop); through the practice bridge the socket can.
export type ConnectionState =
  | { status: 'connecting'; everConnected: boolean }
  | { status: 'online' }
  /** The socket closed or could not open; the next attempt starts in retryInMs. */
  | { status: 'offline'; everConnected: boolean; failedAttempts: number; retryInMs: number }
  /** Opened without the token the practice host printed: nothing to connect with. */
  | { status: 'no-token' };

export type ConnectionStatus = ConnectionState['status'];

/** Wait before reconnect attempt n (1-based): 0.5 s doubling to a 10 s ceiling. */
export function reconnectDelay(failedAttempts: number): number {
  return Math.min(10_000, 500 * 2 ** Math.max(0, failedAttempts - 1));
}
