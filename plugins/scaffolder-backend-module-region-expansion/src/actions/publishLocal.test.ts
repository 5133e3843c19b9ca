import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { mockContext } from '../__testUtils__/regionExpansionBackend';
import { resolveOutputRoot } from '../domain/publish';
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
