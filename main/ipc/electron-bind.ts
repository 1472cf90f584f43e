// Binds the contract's channels to Electron's ipcMain. Each contract channel
// gets its own ipcMain.handle (no catch-all "invoke anything" channel), and
// every call carries the verdict of the sender check into the dispatcher, which
// refuses untrusted senders before any schema or handler runs.
import os from 'node:os';
import type { BrowserWindow, IpcMain, IpcMainInvokeEvent } from 'electron';
import { channels, wireChannel, type ChannelName } from '../../preload/contract';
import { isAppUrl } from '../security/protocol';
import type { Dispatcher } from './dispatch';

/**
 * A call is trusted only when it comes from the main frame of Rekey's own
 * window while that frame shows our bundle. Subframes, other windows and a
 * frame that was navigated elsewhere are all refused.
 */
export function isTrustedSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>, window: BrowserWindow): boolean {
  const frame = event.senderFrame;
  if (!frame) return false; // the frame navigated or was destroyed while the call was in flight
  if (window.isDestroyed()) return false;
  if (frame !== window.webContents.mainFrame) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/** The OS account running Rekey: the operator named in approvals and the journal. */
export function currentOperator(): string {
  try {
    return os.userInfo().username || 'unknown operator';
  } catch {
    return 'unknown operator';
  }
}

/** Registers one handler per contract channel; returns a function that removes them all. */
export function bindChannels(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatcher: Dispatcher,
  window: BrowserWindow,
  operator: string = currentOperator(),
): () => void {
  const names = Object.keys(channels) as ChannelName[];
  for (const name of names) {
    ipcMain.handle(wireChannel(name), (event, payload: unknown) =>
      dispatcher.dispatch(name, payload, { transport: 'electron', operator }, isTrustedSender(event, window)),
    );
  }
  return () => {
    for (const name of names) ipcMain.removeHandler(wireChannel(name));
  };
}
