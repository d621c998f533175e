// Save a file from the popup with a Blob and <a download>: no `downloads` permission needed.

export function downloadFile(fileName: string, content: string | Uint8Array, mime: string, doc: Document = document): void {
  downloadBlob(fileName, new Blob([content as BlobPart], { type: mime }), doc);
}

export function downloadBlob(fileName: string, blob: Blob, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  doc.body.append(a);
  a.click();
  a.remove();
  // Revoke later: revoking at once can cancel the download in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
