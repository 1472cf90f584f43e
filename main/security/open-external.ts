// The one way Rekey hands a URL to the operating system's browser. A
// compromised or confused renderer must not be able to launch arbitrary
// programs through shell.openExternal (file:, ms-msdt:, search-ms: and other
// protocol handlers have all been abused that way), so only https links to
// the identity providers' documentation and admin portals are allowed.
import { shell } from 'electron';

/** Documentation and portals Rekey links to, matched exactly. */
const EXACT_HOSTS = new Set([
  'learn.microsoft.com',
  'docs.microsoft.com',
  'login.microsoftonline.com',
  'portal.azure.com',
  'entra.microsoft.com',
  'aka.ms',
  'developer.okta.com',
  'help.okta.com',
  'support.okta.com',
]);

/** Okta org sign-in hosts: one DNS label in front of okta.com / oktapreview.com (e.g. acme.okta.com, acme-admin.okta.com). */
const OKTA_ORG_HOST = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.(?:okta|oktapreview)\.com$/;

export type ExternalUrlVerdict = { allowed: true; url: string } | { allowed: false; reason: string };

export function checkExternalUrl(url: unknown): ExternalUrlVerdict {
  if (typeof url !== 'string' || url.length === 0) return { allowed: false, reason: 'The link is empty.' };
  if (url.length > 2048) return { allowed: false, reason: 'The link is too long to be a documentation or portal address.' };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { allowed: false, reason: 'The link is not a valid web address.' };
  }
  if (parsed.protocol !== 'https:') {
    return { allowed: false, reason: `Rekey opens only https links; this one uses "${parsed.protocol}".` };
  }
  if (parsed.username !== '' || parsed.password !== '') {
    return { allowed: false, reason: 'Rekey does not open links that carry a user name or password.' };
  }
  if (parsed.port !== '') {
    return { allowed: false, reason: 'Rekey does not open links to non-standard ports.' };
  }
  const host = parsed.hostname.toLowerCase();
  if (!EXACT_HOSTS.has(host) && !OKTA_ORG_HOST.test(host)) {
    return {
      allowed: false,
      reason: `Rekey opens links only to Microsoft and Okta documentation and admin portals; "${host}" is not one of them.`,
    };
  }
  return { allowed: true, url: parsed.href };
}

export function isAllowedExternalUrl(url: unknown): boolean {
  return checkExternalUrl(url).allowed;
}

/**
 * Open an allowed link in the default browser. Resolves with the verdict so
 * callers can show the reason for a refusal; never throws for a bad URL.
 */
export async function openExternal(
  url: unknown,
  // Reached only with a URL that passed checkExternalUrl() below.
  open: (url: string) => Promise<void> = (target) => shell.openExternal(target, { activate: true }), /* eng-disable OPEN_EXTERNAL_JS_CHECK: https host allowlist enforced by checkExternalUrl */
): Promise<ExternalUrlVerdict> {
  const verdict = checkExternalUrl(url);
  if (!verdict.allowed) return verdict;
  try {
    await open(verdict.url);
  } catch (error) {
    return { allowed: false, reason: `The browser could not be opened: ${error instanceof Error ? error.message : String(error)}` };
  }
  return verdict;
}
