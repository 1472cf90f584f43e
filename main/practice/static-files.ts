// Maps a request path to a file inside the built renderer folder, and nothing
// else. The practice host listens on loopback only, but any local process or
// web page can still send it requests, so a path that escapes the folder
// (../, encoded ..%2f, backslashes, NUL bytes, symlinks pointing out) is refused
// rather than "cleaned up".
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticFile {
  filePath: string;
  contentType: string;
  size: number;
}

export type StaticLookup = { found: true; file: StaticFile } | { found: false; status: 400 | 404 };

/** The file a URL pathname names under root ("/" is index.html), or why there is none. */
export async function resolveStaticFile(root: string, urlPathname: string): Promise<StaticLookup> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPathname);
  } catch {
    return { found: false, status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { found: false, status: 400 };
  const segments = decoded.split('/').filter((segment) => segment !== '');
  // Refuse dot segments outright instead of normalising them: a request that
  // tries to climb out of the folder is hostile, not a typo.
  if (segments.some((segment) => segment === '.' || segment === '..')) return { found: false, status: 400 };
  // Hidden files (.env, .git) are never part of a build; do not serve them if someone copied them in.
  if (segments.some((segment) => segment.startsWith('.'))) return { found: false, status: 404 };

  const relative = segments.length === 0 ? 'index.html' : segments.join('/');
  let realRoot: string;
  let realFile: string;
  try {
    realRoot = await realpath(root);
    realFile = await realpath(path.join(realRoot, relative));
  } catch {
    return { found: false, status: 404 };
  }
  // Symlinks are resolved above; the real target must still be inside the real root.
  if (!isInside(realRoot, realFile)) return { found: false, status: 404 };

  const info = await stat(realFile).catch(() => null);
  if (!info?.isFile()) return { found: false, status: 404 };
  const contentType = contentTypes[path.extname(realFile).toLowerCase()] ?? 'application/octet-stream';
  return { found: true, file: { filePath: realFile, contentType, size: info.size } };
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}
