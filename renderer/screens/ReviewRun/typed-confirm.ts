// Typed confirmation, as the main process checks it at run start
// (main/core/policy.ts typedTextMatches; the renderer may not import main/, so
// the rule is restated here and pinned by tests against the same cases).
// UPN/email-style logins (with "@") compare case-insensitively, as Entra and
// Okta treat them; anything else (SAM names, ids) must match exactly, so a slip
// on a short Windows name is not taken as consent. Surrounding spaces are
// ignored in both cases.
export function typedTextMatches(login: string, typed: string): boolean {
  const text = typed.trim();
  return login.includes('@') ? text.toLowerCase() === login.toLowerCase() : text === login;
}
