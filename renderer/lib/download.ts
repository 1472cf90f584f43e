// Save text the main process produced (a report, a plan, exclusion sets) as a
// file the operator chooses where to keep. A Blob URL works in both hosts:
// Electron shows its save dialog, a browser its download bar.
export function saveTextFile(file: { fileName: string; mimeType: string; content: string }): void {
  const blob = new Blob([file.content], { type: file.mimeType });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.rel = 'noopener';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Revoke after the click has been handled, or some browsers cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
