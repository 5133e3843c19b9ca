import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { mockContext } from '../__testUtils__/regionExpansionBackend';
import { publishFiles, resolveOutputRoot } from '../domain/publish';
import { createPublishLocalAction } from './publishLocal';

const dir = createMockDirectory();

describe('region-expansion:publish-local', () => {
  beforeEach(() =>
    dir.setContent({
      workspace: { 'README.md': '# hi', lib: { 'cell-stack.ts': 'x' } },
      out: {},
    }),
  );
  const action = () =>
    createPublishLocalAction({ outputDirectory: dir.resolve('out') });

  it('copies the workspace under <outputDirectory>/<name>, idempotently', async () => {
    for (let i = 0; i < 2; i++) {
      const ctx = mockContext({
        workspacePath: dir.resolve('workspace'),
        input: { name: 'payments-de' },
      });
      await action().handler(ctx as any);
      expect(ctx.output).toHaveBeenCalledWith(
        'path',
        dir.resolve('out/payments-de'),
      );
      expect(ctx.output).toHaveBeenCalledWith('files', [
        'README.md',
        'lib/cell-stack.ts',
      ]);
    }
    expect(
      fs.readFileSync(dir.resolve('out/payments-de/lib/cell-stack.ts'), 'utf8'),
    ).toBe('x');
  });

  it("refuses to replace another run's output of the same name, keeping its files", async () => {
    const first = mockContext({
      workspacePath: dir.resolve('workspace'),
      input: { name: 'payments-de' },
    });
    await action().handler(first as any);
    dir.addContent({
      other: { 'README.md': '# another application plane' },
    });
    const second = mockContext({
      workspacePath: dir.resolve('other'),
      input: { name: 'payments-de' },
    });
    const target = dir.resolve('out/payments-de');
    await expect(action().handler(second as any)).rejects.toThrow(
      `name: 'payments-de' is already published at ${target}`,
    );
    expect(fs.readFileSync(path.join(target, 'README.md'), 'utf8')).toBe(
      '# hi',
    );
    expect(
      fs.readFileSync(path.join(target, 'lib/cell-stack.ts'), 'utf8'),
    ).toBe('x');
    // Nothing half-written is left next to the published folder either.
    expect(fs.readdirSync(dir.resolve('out'))).toEqual(['payments-de']);

    // A dry run tells the same before anything would be written.
    const dry = mockContext({
      workspacePath: dir.resolve('other'),
      input: { name: 'payments-de' },
      isDryRun: true,
    });
    await expect(action().handler(dry as any)).rejects.toThrow(
      `name: 'payments-de' is already published at ${target}`,
    );
  });

  it.each([
    ['missing', /^sourcePath: 'missing' is not a folder of the workspace/],
    ['README.md', /^sourcePath: 'README.md' is not a folder of the workspace/],
    ['../out', /^sourcePath: '..\/out' points outside the workspace/],
  ])(
    'refuses the sourcePath %s, writing nothing',
    async (sourcePath, message) => {
      const ctx = mockContext({
        workspacePath: dir.resolve('workspace'),
        input: { name: 'payments-de', sourcePath },
      });
      await expect(action().handler(ctx as any)).rejects.toThrow(message);
      expect(fs.readdirSync(dir.resolve('out'))).toEqual([]);
    },
  );

  it.each(['escape', 'escape/inner'])(
    'refuses a sourcePath %s that leads out of the workspace through a link',
    async sourcePath => {
      dir.addContent({ secret: { inner: { 'key.pem': 'private' } } });
      fs.symlinkSync(dir.resolve('secret'), dir.resolve('workspace/escape'));
      const ctx = mockContext({
        workspacePath: dir.resolve('workspace'),
        input: { name: 'payments-de', sourcePath },
      });
      await expect(action().handler(ctx as any)).rejects.toThrow(
        `sourcePath: '${sourcePath}' points outside the workspace through a symbolic link`,
      );
      expect(fs.readdirSync(dir.resolve('out'))).toEqual([]);
    },
  );

  it('lets only one of two runs publishing the same name at once win', async () => {
    dir.addContent({ other: { 'README.md': '# another' } });
    const target = dir.resolve('out/payments-de');
    const outcomes = await Promise.allSettled([
      publishFiles(dir.resolve('workspace'), target, [
        'README.md',
        'lib/cell-stack.ts',
      ]),
      publishFiles(dir.resolve('other'), target, ['README.md']),
    ]);
    expect(outcomes.map(o => o.status).sort()).toEqual([
      'fulfilled',
      'rejected',
    ]);
    const winner = outcomes[0].status === 'fulfilled' ? '# hi' : '# another';
    expect(fs.readFileSync(path.join(target, 'README.md'), 'utf8')).toBe(
      winner,
    );
    expect(fs.readdirSync(dir.resolve('out'))).toEqual(['payments-de']);
  });

  it('writes nothing in a dry run', async () => {
    const ctx = mockContext({
      workspacePath: dir.resolve('workspace'),
      input: { name: 'dry' },
      isDryRun: true,
    });
    await action().handler(ctx as any);
    expect(fs.existsSync(dir.resolve('out/dry'))).toBe(false);
  });

  it.each(['../escape', 'a/b', '..', '/etc'])(
    'refuses the name %s',
    async name => {
      const ctx = mockContext({
        workspacePath: dir.resolve('workspace'),
        input: { name },
      });
      await expect(action().handler(ctx as any)).rejects.toThrow(/^name: /);
    },
  );

  it('resolves a relative output directory against the repository root', () => {
    const repo = path.resolve(__dirname, '../../../..');
    expect(
      resolveOutputRoot(undefined, path.join(repo, 'packages/backend')),
    ).toBe(path.join(repo, '.data/generated'));
    expect(resolveOutputRoot('/srv/out', '/anywhere')).toBe('/srv/out');
  });
});
