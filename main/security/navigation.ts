// Navigation guards for every webContents the app ever creates. Rekey's UI is
// one page from app://rekey/; it never needs to navigate elsewhere, open a
// second window or host a <webview>. Denying those removes the classic ways a
// renderer bug turns into loading remote content with our preload attached.
import type { App, Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './protocol';
import { isAllowedExternalUrl } from './open-external';

export type Log = (line: string) => void;

/** Only our own bundle may be navigated to; anything else (http, file, data, javascript, other hosts) is refused. */
export function isAllowedNavigation(url: unknown): boolean {
  return isAppUrl(url);
}

function short(url: string): string {
  return url.length > 120 ? `${url.slice(0, 117)}...` : url;
}

export interface GuardOptions {
  log?: Log;
  /** Allowed documentation links clicked with target=_blank go to the system browser (never to a new Electron window). */
  openInBrowser?: (url: string) => void;
}

export function guardWebContents(contents: WebContents, options: GuardOptions = {}): void {
  const log = options.log ?? (() => {});

  const refuseForeign = (event: Event, url: string): void => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log(`blocked navigation to ${short(url)}`);
  };
  contents.on('will-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-frame-navigate', (event) => refuseForeign(event, event.url));
  contents.on('will-redirect', (event) => refuseForeign(event, event.url));

  // No new windows, ever. An allowlisted documentation link is handed to the
  // default browser instead, so "Learn more" links keep working.
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    if (options.openInBrowser && isAllowedExternalUrl(details.url)) options.openInBrowser(details.url);
    else log(`blocked a new window for ${short(details.url)}`);
    return { action: 'deny' };
  });

  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('blocked a <webview>');
  });
}

/** Apply the guards to every webContents as it is created, including ones we did not create ourselves. */
export function installNavigationGuards(app: App, options: GuardOptions = {}): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, options));
}
