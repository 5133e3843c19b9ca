import { SingleBar, Presets } from 'cli-progress';

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
        bar = new SingleBar(
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
