// The renderer is served over app://rekey/ instead of file://: a custom
// standard+secure scheme gives the page a real origin (so CSP 'self' means
// "our bundle only"), and file:// would grant the page read access to the
// whole disk. This module is the only place that turns an app:// URL into a
// file path, and it refuses anything that could step outside the bundle.
import fs from 'node:fs';
import path from 'node:path';
import { contentSecurityPolicy } from './csp';

export const APP_SCHEME = 'app';
export const APP_HOST = 'rekey';
/** Where the window starts. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for URLs of our own bundle (app://rekey/...). Node's URL gives custom
 * schemes the opaque origin "null", so scheme and host are compared instead.
 */
export function isAppUrl(url: unknown): boolean {
  if (typeof url !== 'string') return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
}

// Checked on the raw URL before the URL parser normalises it away: a request
// that even tries "..", an encoded dot or slash, a backslash or NUL is hostile
// (our bundle has no file names that need them), so it is refused outright.
const HOSTILE_RAW = /(^|[/\\])\.\.?([/\\?#]|$)|%2e|%2f|%5c|%00|\\|\0/i;

/**
 * Map app://rekey/<path> to a file under rootDir, or null when the URL is not
 * ours or tries to leave rootDir. "/" (and any "dir/") maps to index.html.
 * Pure: no file system access, so it can be tested exhaustively.
 */
export function resolveAppAsset(rootDir: string, requestUrl: unknown): string | null {
  if (typeof requestUrl !== 'string' || requestUrl.length > 2048) return null;
  const prefix = `${APP_SCHEME}://${APP_HOST}/`;
  if (!requestUrl.toLowerCase().startsWith(prefix)) return null;
  const rawPath = requestUrl.slice(prefix.length - 1);
  if (HOSTILE_RAW.test(rawPath)) return null;
  if (!isAppUrl(requestUrl)) return null;
  const url = new URL(requestUrl);
  if (url.port !== '') return null;

  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return null; // malformed percent-encoding
  }
  // A "%" left after decoding means double encoding: a probe, never one of our file names.
  if (decoded.includes('\0') || decoded.includes('\\') || decoded.includes('%') || decoded.startsWith('//')) return null;
  // A Windows drive ("/C:/...") or a stream name ("index.html:secret") never names a bundle file.
  if (decoded.includes(':')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  // Hidden files (.env, .git) are never part of a build.
  if (segments.some((segment) => segment.startsWith('.'))) return null;
  if (decoded.endsWith('/')) segments.push('index.html');

  const root = path.resolve(rootDir);
  const candidate = path.resolve(root, ...segments);
  // Defence in depth: whatever the checks above missed, the result must stay inside root.
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return null;
  if (candidate === root) return null;
  return candidate;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type for a bundle file; unknown kinds are opaque bytes (and nosniff keeps them that way). */
export function contentTypeFor(filePath: string): string {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

/** Headers every app:// response carries, including errors. */
export function securityHeaders(csp: string, contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

export type AppProtocolHandler = (request: Request) => Promise<Response>;

/**
 * The handler given to protocol.handle('app', ...). Reads files with fs (works
 * inside app.asar) rather than delegating to net.fetch('file://...'), so no
 * file:// URL is ever involved.
 */
export function createAppProtocolHandler(rootDir: string, csp: string = contentSecurityPolicy()): AppProtocolHandler {
  const plain = (status: number, text: string): Response =>
    new Response(text, { status, headers: securityHeaders(csp, 'text/plain; charset=utf-8') });

  let realRoot: Promise<string> | null = null;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed.');
    const file = resolveAppAsset(rootDir, request.url);
    if (file === null) return plain(404, 'Not found.');
    try {
      // A symlink inside the bundle must not lead outside it either.
      // fs.promises is looked up at call time: Electron patches it to read inside app.asar.
      realRoot ??= fs.promises.realpath(path.resolve(rootDir));
      const [root, real] = await Promise.all([realRoot, fs.promises.realpath(file)]);
      if (!real.startsWith(root + path.sep)) return plain(404, 'Not found.');
      const info = await fs.promises.stat(real);
      if (!info.isFile()) return plain(404, 'Not found.');
      const body = request.method === 'HEAD' ? null : await fs.promises.readFile(real);
      return new Response(body, { status: 200, headers: securityHeaders(csp, contentTypeFor(real)) });
    } catch {
      realRoot = null; // the bundle may appear later (a build finishing); do not cache a failure
      return plain(404, 'Not found.');
    }
  };
}
