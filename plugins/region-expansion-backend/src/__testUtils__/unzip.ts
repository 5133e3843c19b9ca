// unzipper ships no types; only Open.buffer is used.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const unzipper: {
  Open: {
    buffer(
      b: Buffer,
    ): Promise<{ files: Array<{ path: string; buffer(): Promise<Buffer> }> }>;
  };
} = require('unzipper');

/** The files of a zip archive, by path, and their order in it. */
export async function unzip(
  zip: Buffer,
): Promise<{ order: string[]; files: Map<string, Buffer> }> {
  const archive = await unzipper.Open.buffer(zip);
  const files = new Map<string, Buffer>();
  for (const f of archive.files) files.set(f.path, await f.buffer());
  return { order: archive.files.map(f => f.path), files };
}

/**
 * A supertest body parser that keeps a binary reply (a ZIP) as one Buffer;
 * use as `.buffer(true).parse(binaryBody)`.
 */
export function binaryBody(
  res: { on(event: string, listener: (chunk: Buffer) => void): unknown },
  callback: (err: Error | null, body: Buffer) => void,
) {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
}
