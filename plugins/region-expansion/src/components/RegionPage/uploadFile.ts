/**
 * Largest file the portal sends: base64 makes it a third larger, and the
 * route's body limit is 10mb. Larger inputs go through the CLI, which reads
 * files of any size from disk.
 */
export const MAX_UPLOAD_BYTES = 7 * 1024 * 1024;

/** The file's bytes as base64, so binary inputs (`.json.gz`) arrive intact. */
export function readAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () =>
      reject(reader.error ?? new Error(`Cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/** A byte count in megabytes, as the upload hints write it. */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
