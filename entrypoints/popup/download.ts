// Save a file from the popup with a Blob and <a download>: no `downloads` permission needed.

export function downloadFile(fileName: string, content: string | Uint8Array, mime: string, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type: mime }));
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
