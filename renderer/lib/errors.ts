// What went wrong with a window.rekey call, as a sentence for the operator.
// Inside Electron, contextBridge turns the rejection into a plain object
// ({ name: 'RekeyCallError', code, message, issues }), so never rely on
// `instanceof`: read the fields.
export interface CallErrorInfo {
  code: string | null;
  message: string;
  /** Where a refused request was wrong ("pacing.maxConcurrency: Too big"). */
  where: string | null;
}

export function callErrorInfo(error: unknown): CallErrorInfo {
  if (typeof error === 'object' && error !== null) {
    const candidate = error as { code?: unknown; message?: unknown; issues?: unknown };
    const issues = Array.isArray(candidate.issues) ? (candidate.issues as Array<{ path?: unknown; message?: unknown }>) : [];
    const first = issues[0];
    return {
      code: typeof candidate.code === 'string' ? candidate.code : null,
      message: typeof candidate.message === 'string' ? candidate.message : String(error),
      where: first ? `${String(first.path ?? '')}: ${String(first.message ?? '')}` : null,
    };
  }
  return { code: null, message: String(error), where: null };
}

export function callErrorMessage(error: unknown): string {
  const info = callErrorInfo(error);
  return info.where ? `${info.message} (${info.where})` : info.message;
}
