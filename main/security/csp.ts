// The Content-Security-Policy for the renderer, shared by the app:// protocol
// (Electron) and the practice host (browser). No remote origin, no eval.
// style-src allows inline styles because Fluent UI's Griffel (makeStyles)
// inserts <style> rules at runtime; scripts stay 'self' only.

export interface CspOptions {
  /** Extra connect-src sources: the practice host adds its own ws:// bridge origin. */
  connectSrc?: string[];
}

export function contentSecurityPolicy(options: CspOptions = {}): string {
  const directives: Record<string, string[]> = {
    'default-src': ["'none'"],
    'script-src': ["'self'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'", ...(options.connectSrc ?? [])],
    'base-uri': ["'none'"],
    'form-action': ["'none'"],
    'frame-ancestors': ["'none'"],
    'object-src': ["'none'"],
    'worker-src': ["'self'"],
  };
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}
