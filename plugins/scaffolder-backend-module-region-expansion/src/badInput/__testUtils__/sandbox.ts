import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  aliasedTemplate,
  binaryJunk,
  cloudTrailGzip,
} from '@region-expansion/plugin-region-expansion-node/testUtils';

/** Depth of the "deep nesting" template. */
const DEEP = 10_000;

const TEMPLATE = JSON.stringify({
  Resources: {
    Bucket: { Type: 'AWS::S3::Bucket' },
    Fn: { Type: 'AWS::Lambda::Function' },
  },
});

/**
 * A private folder per run: `workspace/` (what a task's steps see),
 * `outside/` (a secret next to it, a valid template, that no action may
 * read or write) and `output/` (publish-local's output directory, holding
 * another run's folder `taken/`). The workspace holds clean inputs
 * (`app/`, `infrastructure/`), bad inputs (`bad/`) and symbolic links out
 * of it (`links/`). `snapshot()` lists every entry without following links,
 * so any write anywhere under the root shows.
 */
export class Sandbox {
  readonly root = fs.mkdtempSync(
    path.join(os.tmpdir(), 'region-expansion-scaffolder-bad-'),
  );
  readonly workspace = path.join(this.root, 'workspace');
  readonly outside = path.join(this.root, 'outside');
  readonly output = path.join(this.root, 'output');

  /** Puts every entry back as `create` made it, under the same root. */
  reset(): this {
    for (const entry of fs.readdirSync(this.root)) {
      fs.rmSync(path.join(this.root, entry), { recursive: true, force: true });
    }
    return this.create();
  }

  create(): this {
    const w = (file: string, content: string | Buffer) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
    };
    const ws = (...p: string[]) => path.join(this.workspace, ...p);
    w(path.join(this.outside, 'secret.template.json'), TEMPLATE);
    w(path.join(this.output, 'taken', 'README.md'), '# another run\n');
    w(ws('app', 'README.md'), '# app\n');
    w(ws('app', 'lib', 'cell-stack.ts'), 'export {};\n');
    w(ws('infrastructure', 'app.template.json'), TEMPLATE);
    w(ws('bad', 'notes', 'notes.txt'), 'not infrastructure code\n');
    w(ws('bad', 'junk', 'junk.template.json'), binaryJunk(64 * 1024));
    w(
      ws('bad', 'deep', 'deep.template.yaml'),
      `Resources: ${'['.repeat(DEEP)}${']'.repeat(DEEP)}\n`,
    );
    w(
      ws('bad', 'deep-json', 'deep.template.json'),
      `{"Resources":{"B":{"Type":"AWS::S3::Bucket","Properties":${'{"a":'.repeat(
        DEEP,
      )}1${'}'.repeat(DEEP)}}}}`,
    );
    w(ws('bad', 'bomb', 'AWSLogs', 't.json.gz'), cloudTrailGzip(300, 'bomb'));
    w(
      ws('bad', 'truncated', 'AWSLogs', 't.json.gz'),
      zlib.gzipSync('{"Records":[]}').subarray(0, 10),
    );
    w(
      ws('bad', 'amplification', 'stack.template.yaml'),
      aliasedTemplate(200, 2000),
    );
    fs.mkdirSync(ws('bad', 'loop'), { recursive: true });
    fs.symlinkSync('b.template.yaml', ws('bad', 'loop', 'a.template.yaml'));
    fs.symlinkSync('a.template.yaml', ws('bad', 'loop', 'b.template.yaml'));
    fs.mkdirSync(ws('links'), { recursive: true });
    fs.symlinkSync(path.join('..', '..', 'outside'), ws('links', 'escape'));
    fs.symlinkSync(
      path.join('..', '..', 'outside', 'secret.template.json'),
      ws('links', 'leak.template.json'),
    );
    return this;
  }

  /** Every entry under the root: file content hash, link target or folder. */
  snapshot(): Map<string, string> {
    const out = new Map<string, string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        const rel = path.relative(this.root, full);
        if (entry.isSymbolicLink()) {
          out.set(rel, `link ${fs.readlinkSync(full)}`);
        } else if (entry.isDirectory()) {
          out.set(rel, 'folder');
          walk(full);
        } else {
          out.set(
            rel,
            crypto
              .createHash('sha256')
              .update(fs.readFileSync(full))
              .digest('hex'),
          );
        }
      }
    };
    walk(this.root);
    return out;
  }

  /** Entries added, removed or changed between two snapshots. */
  static changes(before: Map<string, string>, after: Map<string, string>) {
    const keys = new Set([...before.keys(), ...after.keys()]);
    return [...keys]
      .filter(k => before.get(k) !== after.get(k))
      .map(k => {
        if (!before.has(k)) return `+${k}`;
        return after.has(k) ? `~${k}` : `-${k}`;
      })
      .sort();
  }

  remove() {
    fs.rmSync(this.root, { recursive: true, force: true });
  }
}
