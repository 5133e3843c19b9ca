import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const dockerfile = fs.readFileSync(
  path.join(ROOT, 'packages/backend/Dockerfile'),
  'utf8',
);
// Continuation lines joined, comments dropped: one instruction per entry.
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map(line => line.trim())
  .filter(line => line && !line.startsWith('#'));

/** Sources of every COPY from the build context (not from another stage). */
function copySources(): string[] {
  return instructions
    .filter(line => /^COPY\s/i.test(line) && !/--from=/.test(line))
    .flatMap(line => {
      const args = line
        .split(/\s+/)
        .slice(1)
        .filter(arg => !arg.startsWith('--'));
      return args.slice(0, -1);
    });
}

describe('packages/backend/Dockerfile', () => {
  it('copies from the build context only what a clean clone has, or what yarn build:backend writes', () => {
    const missing = copySources().filter(source => {
      if (source.startsWith('packages/backend/dist/')) return false;
      const tracked = execFileSync('git', ['ls-files', '--', source], {
        cwd: ROOT,
        encoding: 'utf8',
      });
      return tracked.trim() === '';
    });
    expect(missing).toEqual([]);
  });

  it('puts no demo or simulator config into the image', () => {
    expect(copySources().filter(source => /demo|local/.test(source))).toEqual(
      [],
    );
    const ignored = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8');
    expect(ignored.split('\n')).toContain('app-config.demo.yaml');
  });

  it("installs the Yarn version package.json's packageManager names", () => {
    const packageManager = JSON.parse(
      fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'),
    ).packageManager;
    const arg = instructions.find(line => /^ARG YARN_VERSION=/.test(line));
    expect(arg && `yarn@${arg.split('=')[1]}`).toBe(packageManager);
  });

  it('runs the Node.js major the host toolchain builds the bundle with', () => {
    const toolchain = fs.readFileSync(
      path.join(ROOT, 'scripts/lib/toolchain.sh'),
      'utf8',
    );
    const hostMajor = /^NODE_VERSION="(\d+)\./m.exec(toolchain)?.[1];
    const from = instructions.find(line => /^FROM\s/i.test(line));
    expect(from).toMatch(new RegExp(`^FROM node:${hostMajor}-`));
  });

  it('gets the migrations of every workspace package that has them (the bundle holds only what `files` lists)', () => {
    const unshipped = ['packages', 'plugins']
      .flatMap(dir =>
        fs
          .readdirSync(path.join(ROOT, dir))
          .map(name => path.join(ROOT, dir, name)),
      )
      .filter(dir => fs.existsSync(path.join(dir, 'migrations')))
      .filter(dir => {
        const files: string[] =
          JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
            .files ?? [];
        return !files.includes('migrations');
      })
      .map(dir => path.relative(ROOT, dir));
    expect(unshipped).toEqual([]);
  });

  it('starts the backend with the production config stack', () => {
    expect(instructions[instructions.length - 1]).toBe(
      'CMD ["node", "packages/backend", "--config", "app-config.yaml", "--config", "app-config.production.yaml"]',
    );
  });
});
