// Keeps secrets out of everything Rekey writes down (journal, reports,
// evidence). Directories are told never to put a secret in evidence; this is
// the second line of defence, applied to every string before it is journaled.

const REDACTED = '[redacted]';

const patterns: Array<[RegExp, string]> = [
  // Authorization headers and their values: "Bearer eyJ...", "SSWS 00abc...", "Basic dXNlcjpwYXNz".
  // Credentials are long; the length floor keeps ordinary words ("Basic training") intact.
  [/\b(Bearer|SSWS|Basic|Negotiate|NTLM)\s+[A-Za-z0-9._~+/=-]{16,}/gi, `$1 ${REDACTED}`],
  // JSON Web Tokens anywhere (three base64url parts, the first starting with {" encoded).
  [/\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*/g, REDACTED],
  // JSON-ish fields that hold secrets: "password": "...", 'client_secret': '...'.
  [
    /(["']?(?:password|passwd|pwd|new_?password|old_?password|secret|client_?secret|access_?token|refresh_?token|id_?token|api_?key|apikey|token)["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|[^\s,;&}\]]+)/gi,
    `$1${REDACTED}`,
  ],
  // Command lines: net user NAME NEWPASSWORD, -Password (ConvertTo-SecureString ...).
  [/(\bnet\s+user\s+\S+\s+)(?!\/)\S+/gi, `$1${REDACTED}`],
  [/(-(?:Account)?Password\s+)(\([^)]*\)|\S+)/gi, `$1${REDACTED}`],
];

export function sanitizeText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of patterns) out = out.replace(pattern, replacement);
  return out;
}

/** A copy of a JSON value with every string sanitised and every secret-named key's value redacted. */
export function sanitizeDeep<T>(value: T): T {
  return walk(value) as T;
}

const secretKey = /^(password|passwd|pwd|secret|client_?secret|access_?token|refresh_?token|id_?token|api_?key|apikey|token|authorization|cookie)$/i;

function walk(value: unknown): unknown {
  if (typeof value === 'string') return sanitizeText(value);
  if (Array.isArray(value)) return value.map(walk);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      out[key] = secretKey.test(key) && inner !== null && inner !== undefined ? REDACTED : walk(inner);
    }
    return out;
  }
  return value;
}
