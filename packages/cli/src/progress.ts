import type { SingleBar } from 'cli-progress';

/** Files from which a progress bar is worth showing. */
const LARGE_INPUT_FILES = 20;

/**
 * A progress callback that draws a bar on stderr, only when stderr is a
 * terminal and the input is large; otherwise does nothing.
 */
export function createProgress(stream: NodeJS.WriteStream = process.stderr) {
  let bar: SingleBar | undefined;
  return {
    onProgress({
      filesDone,
      filesTotal,
    }: {
      filesDone: number;
      filesTotal: number;
    }) {
      if (!stream.isTTY || filesTotal < LARGE_INPUT_FILES) return;
      if (!bar) {
        // Loaded here: most runs draw no bar, and loading it is about 9 ms
        // of the start before the first CloudTrail file is read.
        const { SingleBar: Bar, Presets } =
          require('cli-progress') as typeof import('cli-progress');
        bar = new Bar(
          {
            stream,
            format: 'CloudTrail {bar} {value}/{total} files',
            clearOnComplete: true,
          },
          Presets.shades_classic,
        );
        bar.start(filesTotal, 0);
      }
      bar.update(filesDone);
    },
    stop() {
      bar?.stop();
    },
  };
}
