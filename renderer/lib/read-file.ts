// Read a file the operator picked (CSV of accounts, exclusion sets JSON,
// host list) as text. Refuses files larger than the contract accepts, with a
// sentence instead of a frozen window.
export const maxImportBytes = 64 * 1024 * 1024;

export async function readTextFile(file: File, maxBytes = maxImportBytes): Promise<string> {
  if (file.size > maxBytes) {
    throw new Error(`${file.name} is ${(file.size / 1_048_576).toFixed(1)} MB; Rekey reads files up to ${Math.round(maxBytes / 1_048_576)} MB.`);
  }
  return file.text();
}
