import type { BrowserWindow } from 'electron';
import { z } from 'zod';
import type * as Contract from '../../../preload/contract';
import { describe, expect, it, vi } from 'vitest';

// The contract has no event streams yet; give it one so emitEvent can be exercised for real.
vi.mock('../../../preload/contract', async (importOriginal) => {
  const actual = await importOriginal<typeof Contract>();
  const events = {
    'run.progress': actual.event({
      payload: z.object({ runId: z.string(), done: z.number().int().min(0), total: z.number().int().min(0) }),
      summary: 'Progress of a run.',
    }),
  };
  return {
    ...actual,
    events,
    isEventName: (name: unknown) => typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name),
  };
});

const { emitEvent, EventContractError } = await import('../../../main/ipc/events');

function fakeWindow(destroyed = false) {
  const send = vi.fn();
  const window = { isDestroyed: () => destroyed, webContents: { isDestroyed: () => destroyed, send } };
  return { window: window as unknown as BrowserWindow, send };
}

type AnyEmit = (window: BrowserWindow, name: string, payload: unknown) => boolean;
const emit = emitEvent as unknown as AnyEmit;

describe('emitEvent', () => {
  it('sends a valid payload on the wire event channel', () => {
    const { window, send } = fakeWindow();
    expect(emit(window, 'run.progress', { runId: 'r1', done: 1, total: 3 })).toBe(true);
    expect(send).toHaveBeenCalledWith('rekey-event:run.progress', { runId: 'r1', done: 1, total: 3 });
  });

  it('strips fields the contract does not declare', () => {
    const { window, send } = fakeWindow();
    emit(window, 'run.progress', { runId: 'r1', done: 1, total: 3, accessToken: 'eyJ...' });
    expect(JSON.stringify(send.mock.calls[0]?.[1])).not.toContain('accessToken');
  });

  it('refuses a payload outside the contract and sends nothing', () => {
    const { window, send } = fakeWindow();
    expect(() => emit(window, 'run.progress', { runId: 'r1', done: -1, total: 3 })).toThrow(EventContractError);
    expect(() => emit(window, 'run.progress', 'half done')).toThrow(/does not match the contract/);
    expect(send).not.toHaveBeenCalled();
  });

  it('refuses an unknown event', () => {
    const { window, send } = fakeWindow();
    expect(() => emit(window, 'shell.exec', {})).toThrow(/no event named/);
    expect(() => emit(window, '__proto__', {})).toThrow(EventContractError);
    expect(send).not.toHaveBeenCalled();
  });

  it('returns false once the window is gone', () => {
    const { window, send } = fakeWindow(true);
    expect(emit(window, 'run.progress', { runId: 'r1', done: 1, total: 3 })).toBe(false);
    expect(send).not.toHaveBeenCalled();
  });
});
