/**
 * Largest file the portal sends: base64 makes it a third larger, and the
 * route's body limit is 10mb. Larger inputs go through the CLI, which reads
 * files of any size from disk.
 */
export const MAX_UPLOAD_BYTES = 7 * 1024 * 1024;

/** Reads a file with a FileReader: `Blob.text()` is missing in older browsers and jsdom. */
function readFile(
  file: File,
  start: (reader: FileReader) => void,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () =>
      reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    start(reader);
  });
}

/** The file's bytes as base64, so binary inputs (`.json.gz`) arrive intact. */
export async function readAsBase64(file: File): Promise<string> {
  const url = await readFile(file, reader => reader.readAsDataURL(file));
  return url.slice(url.indexOf(',') + 1);
}

/** The file's text (UTF-8), as a footprint JSON is. */
export function readAsText(file: File): Promise<string> {
  return readFile(file, reader => reader.readAsText(file));
}

/** A byte count in megabytes, as the upload hints write it. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
