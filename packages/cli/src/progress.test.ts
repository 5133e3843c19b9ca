import { PassThrough } from 'node:stream';

// cli-progress is about 9 ms of every footprint's start; the bar is drawn
// only on a terminal for 20 files or more, so the library loads then.
describe('createProgress', () => {
  function isolated() {
    const barLoads = jest.fn();
    let progress: typeof import('./progress') | undefined;
    jest.isolateModules(() => {
      jest.doMock('cli-progress', () => {
        barLoads();
        return jest.requireActual('cli-progress');
      });
      progress = require('./progress');
    });
    return { barLoads, createProgress: progress!.createProgress };
  }

  it('loads cli-progress only when it draws a bar', () => {
    const { barLoads, createProgress } = isolated();
    const pipe = Object.assign(new PassThrough(), { isTTY: false });
    const quiet = createProgress(pipe as unknown as NodeJS.WriteStream);
    quiet.onProgress({ filesDone: 1, filesTotal: 64 });
    quiet.stop();
    expect(barLoads).not.toHaveBeenCalled();

    const terminal = Object.assign(new PassThrough(), {
      isTTY: true,
      columns: 80,
      cursorTo: () => true,
      clearLine: () => true,
      moveCursor: () => true,
    });
    const drawn: string[] = [];
    terminal.on('data', chunk => drawn.push(String(chunk)));
    const small = createProgress(terminal as unknown as NodeJS.WriteStream);
    small.onProgress({ filesDone: 1, filesTotal: 19 });
    small.stop();
    expect(barLoads).not.toHaveBeenCalled();

    const large = createProgress(terminal as unknown as NodeJS.WriteStream);
    large.onProgress({ filesDone: 1, filesTotal: 20 });
    large.stop();
    expect(barLoads).toHaveBeenCalledTimes(1);
    expect(drawn.join('')).toContain('1/20 files');
  });
});
