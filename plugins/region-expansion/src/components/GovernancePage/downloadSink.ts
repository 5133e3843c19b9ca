/**
 * Where a download's bytes go as they arrive: a file the user picked (the
 * File System Access API, written chunk by chunk, so the browser never
 * holds the whole file), or, where the browser has no such API, parts
 * gathered into a Blob handed to the browser's download at the end.
 */
export interface DownloadSink {
  /** `disk`: streamed to the picked file; `memory`: a Blob of the parts. */
  readonly kind: 'disk' | 'memory';
  write(chunk: Uint8Array): Promise<void>;
  /** Completes the file under `fileName` (the memory sink's download name). */
  close(fileName: string): Promise<void>;
  /** Discards what was written (a failed download leaves no partial file). */
  abort(): Promise<void>;
}

/** The part of the File System Access API the sink uses. */
interface SaveFilePicker {
  showSaveFilePicker?(options: {
    suggestedName: string;
    types: Array<{ description: string; accept: Record<string, string[]> }>;
  }): Promise<{
    createWritable(): Promise<{
      write(chunk: Uint8Array): Promise<void>;
      close(): Promise<void>;
      abort(): Promise<void>;
    }>;
  }>;
}

/** Hands a Blob to the browser's download under `fileName`. */
function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
  // Give the browser a moment to start the download before releasing it.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function memorySink(): DownloadSink {
  const parts: Uint8Array[] = [];
  return {
    kind: 'memory',
    write: async chunk => {
      parts.push(chunk);
    },
    close: async fileName =>
      saveBlob(new Blob(parts, { type: 'application/zip' }), fileName),
    abort: async () => {
      parts.length = 0;
    },
  };
}

/**
 * Opens the sink of a download. Call it from the click itself: the save
 * dialog needs the user's gesture, which an awaited request would outlive.
 * Resolves `undefined` when the user cancels the dialog.
 */
export async function openDownloadSink(
  suggestedName: string,
  picker: SaveFilePicker = window as unknown as SaveFilePicker,
): Promise<DownloadSink | undefined> {
  if (!picker.showSaveFilePicker) return memorySink();
  let handle;
  try {
    handle = await picker.showSaveFilePicker({
      suggestedName,
      types: [
        { description: 'ZIP archive', accept: { 'application/zip': ['.zip'] } },
      ],
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') return undefined;
    throw error;
  }
  const file = await handle.createWritable();
  return {
    kind: 'disk',
    write: chunk => file.write(chunk),
    close: () => file.close(),
    abort: () => file.abort(),
  };
}

/**
 * Reads `body` chunk by chunk into `sink`, telling `onProgress` the bytes
 * received so far; on a failure the sink is discarded and the error thrown.
 */
export async function streamInto(
  body: ReadableStream<Uint8Array>,
  sink: DownloadSink,
  fileName: string,
  onProgress: (received: number) => void,
): Promise<number> {
  const reader = body.getReader();
  let received = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Written before the next read: a slow disk slows the download
      // instead of queueing it in memory.
      await sink.write(value);
      received += value.length;
      onProgress(received);
    }
  } catch (error) {
    await sink.abort().catch(() => undefined);
    throw error;
  }
  await sink.close(fileName);
  return received;
}
