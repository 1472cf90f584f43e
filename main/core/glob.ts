// Shell-style globs for account names: `*` any run of characters, `?` one
// character, everything else literal. Case-insensitive because logins, UPNs
// and SAM names are compared case-insensitively by every directory Rekey knows.

const cache = new Map<string, RegExp>();

export function globToRegExp(pattern: string): RegExp {
  const cached = cache.get(pattern);
  if (cached) return cached;
  let source = '';
  for (const char of pattern) {
    if (char === '*') source += '.*';
    else if (char === '?') source += '.';
    // Only syntax characters may be escaped in a unicode-mode RegExp.
    else source += char.replace(/[.+^${}()|[\]\\/]/g, '\\$&');
  }
  const regexp = new RegExp(`^${source}$`, 'iu');
  if (cache.size > 500) cache.clear();
  cache.set(pattern, regexp);
  return regexp;
}

export function globMatches(pattern: string, text: string): boolean {
  return globToRegExp(pattern).test(text);
}

/** True when the glob matches any of the texts (login, display name, ...). */
export function globMatchesAny(pattern: string, texts: readonly (string | undefined)[]): boolean {
  const regexp = globToRegExp(pattern);
  return texts.some((text) => text !== undefined && regexp.test(text));
}
