// Each directory's own check, turned into the Connections screen's
// diagnostics: a title, what was found, and the fix in one sentence.
import type { PermissionReport } from '../../entra';
import type { ConnectionCheckReport } from '../../okta';
import type { WindowsDirectory } from '../../windows/directory';
import type { Diagnostic } from './live';

function titled(prefix: string | undefined, title: string): string {
  return prefix ? `${prefix}: ${title}` : title;
}

export function entraDiagnostics(report: PermissionReport, prefix?: string): Diagnostic[] {
  return report.checks.map((check): Diagnostic => {
    const what = check.kind === 'permission' ? `Graph permission ${check.name}` : `Directory role ${check.name}`;
    const detail = `Needed to ${check.purpose}: ${check.detail}.`;
    if (check.satisfied) return { severity: 'ok', title: titled(prefix, what), detail };
    return { severity: check.required ? 'error' : 'warning', title: titled(prefix, what), detail, ...(check.fix ? { fix: check.fix } : {}) };
  });
}

export function oktaDiagnostics(report: ConnectionCheckReport, prefix?: string): Diagnostic[] {
  return report.items.map((item): Diagnostic => ({
    severity: item.status,
    title: titled(prefix, item.label),
    detail: item.message,
    ...(item.fix ? { fix: item.fix } : {}),
  }));
}

/** Preflight every host: PowerShell, the LocalAccounts module, administrator rights, or why the host did not answer. */
export async function windowsDiagnostics(directory: WindowsDirectory, prefix?: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  for (const host of await directory.preflight()) {
    const name = host.reply?.computerName ?? (host.host === '.' ? 'This computer' : host.host);
    if (host.failure) {
      out.push({ severity: 'error', title: titled(prefix, `${name} did not answer`), detail: host.failure.detail, fix: host.failure.sentence });
      continue;
    }
    if (!host.reply) {
      out.push({ severity: 'error', title: titled(prefix, `${name} did not answer`), fix: `Run the check again; if it keeps failing, check that ${name} is on and reachable over WinRM.` });
      continue;
    }
    const reply = host.reply;
    const facts = `PowerShell ${reply.psVersion} (${reply.edition}), ${reply.is64BitProcess ? '64-bit' : '32-bit'}; connected as ${reply.callerName}; ${reply.osVersion}.`;
    if (reply.problems.length === 0) {
      out.push({ severity: 'ok', title: titled(prefix, `${name} is ready`), detail: facts });
      continue;
    }
    for (const problem of reply.problems) out.push({ severity: 'error', title: titled(prefix, `${name} is not ready`), detail: facts, fix: problem });
  }
  return out;
}

/** A check that could not run at all (e.g. the token was refused): one error with the reason. */
export function failedCheck(title: string, error: unknown, fix?: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { severity: 'error', title, detail: message, ...(fix ? { fix } : {}) };
}
