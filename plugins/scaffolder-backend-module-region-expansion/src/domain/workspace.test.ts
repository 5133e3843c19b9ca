import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { resolveInsideWorkspace, writeFilesInsideWorkspace } from './workspace';

const dir = createMockDirectory();
const ws = (...p: string[]) => dir.resolve('workspace', ...p);

describe('resolveInsideWorkspace', () => {
  beforeEach(() => {
    dir.setContent({
      workspace: { 'README.md': '# hi', app: { 'main.ts': 'x' } },
      outside: { 'secret.txt': 'secret' },
    });
    fs.symlinkSync(dir.resolve('outside'), ws('escape'));
    fs.symlinkSync(dir.resolve('outside', 'secret.txt'), ws('leak.txt'));
    fs.symlinkSync(dir.resolve('outside', 'missing.txt'), ws('dangling.txt'));
    fs.symlinkSync('app', ws('inner'));
    fs.symlinkSync('loop-b', ws('loop-a'));
    fs.symlinkSync('loop-a', ws('loop-b'));
  });

  const resolve = (relative: string, mustExist = false) =>
    resolveInsideWorkspace(ws(), relative, 'targetPath', { mustExist });

  it.each([
    ['a parent traversal', '../outside', /points outside the workspace$/],
    ['an absolute path', '/etc', /points outside the workspace$/],
    [
      'a link out of the workspace',
      'escape',
      /points outside the workspace through a symbolic link/,
    ],
    [
      'a new file under a link out of the workspace',
      'escape/new/file.ts',
      /points outside the workspace through a symbolic link/,
    ],
    [
      'a link to a file outside',
      'leak.txt',
      /points outside the workspace through a symbolic link/,
    ],
    [
      'a dangling link (writing through it would create its target)',
      'dangling.txt',
      /leads through a symbolic link to nothing/,
    ],
    ['a link loop', 'loop-a/x', /is a symbolic link loop/],
    ['a path through a file', 'README.md/x', /goes through a file/],
    ['a NUL character', 'app\0x', /must not contain a NUL character/],
  ])('refuses %s naming the field', async (_, relative, reason) => {
    await expect(resolve(relative)).rejects.toThrow(
      expect.objectContaining({
        name: 'InputError',
        message: expect.stringMatching(
          new RegExp(`^targetPath: .*${reason.source}`),
        ),
      }),
    );
  });

  it('accepts a new path, and a link that stays inside the workspace', async () => {
    await expect(resolve('out/lib/app.ts')).resolves.toBe(ws('out/lib/app.ts'));
    await expect(resolve('inner/main.ts', true)).resolves.toBe(
      ws('inner/main.ts'),
    );
    await expect(resolve('escape/..')).resolves.toBe(ws());
  });

  it('refuses a missing path when it must exist', async () => {
    await expect(resolve('no-such-folder', true)).rejects.toThrow(
      /^targetPath: 'no-such-folder' does not exist in the workspace/,
    );
  });
});

describe('writeFilesInsideWorkspace', () => {
  beforeEach(() =>
    dir.setContent({
      workspace: {},
      outside: { 'secret.txt': 'secret' },
    }),
  );

  it('writes nothing when one file would land outside the workspace', async () => {
    fs.symlinkSync(dir.resolve('outside'), ws('lib'));
    await expect(
      writeFilesInsideWorkspace(
        ws(),
        '.',
        { 'README.md': '# app', 'lib/app.ts': 'x' },
        'targetPath',
      ),
    ).rejects.toThrow(
      /^targetPath: 'lib\/app\.ts' points outside the workspace through a symbolic link/,
    );
    expect(fs.readdirSync(ws())).toEqual(['lib']);
    expect(fs.readdirSync(dir.resolve('outside'))).toEqual(['secret.txt']);
  });

  it('replaces a hard link to a file outside instead of writing through it', async () => {
    fs.linkSync(dir.resolve('outside', 'secret.txt'), ws('README.md'));
    await expect(
      writeFilesInsideWorkspace(ws(), '.', { 'README.md': '# app' }, 'f'),
    ).resolves.toEqual(['README.md']);
    expect(fs.readFileSync(ws('README.md'), 'utf8')).toBe('# app');
    expect(fs.readFileSync(dir.resolve('outside', 'secret.txt'), 'utf8')).toBe(
      'secret',
    );
  });

  it('writes the files under the target folder, creating it', async () => {
    await expect(
      writeFilesInsideWorkspace(
        ws(),
        'out',
        { 'a.txt': 'a', 'lib/b.txt': 'b' },
        'targetPath',
      ),
    ).resolves.toEqual(['out/a.txt', path.join('out', 'lib', 'b.txt')]);
    expect(fs.readFileSync(ws('out/lib/b.txt'), 'utf8')).toBe('b');
    expect(fs.readdirSync(ws('out'))).toEqual(['a.txt', 'lib']);
  });
});
