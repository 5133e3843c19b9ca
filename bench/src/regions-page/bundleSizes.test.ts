import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import {
  initialScripts,
  pageChunks,
  pluginChunks,
  scriptBytes,
} from './bundleSizes';

describe('yarn bench regions-page, bundle sizes', () => {
  let dist: string;
  const write = (file: string, content: string) =>
    fs.writeFileSync(path.join(dist, file), content);
  const map = (sources: string[]) => JSON.stringify({ version: 3, sources });

  beforeEach(() => {
    dist = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-sizes-'));
    fs.mkdirSync(path.join(dist, 'static'));
    write(
      'index.html',
      '<html><head><script defer="defer" src="/static/runtime.1.js"></script>' +
        '<script defer="defer" src="/static/main.2.js"></script></head></html>',
    );
    write('static/runtime.1.js', 'r'.repeat(2048));
    write('static/main.2.js', 'x'.repeat(4096));
    // The plugin's entry sits in the initial scripts: not an on-demand chunk.
    write('static/main.2.js.map', map(['plugins/region-expansion/src/a.ts']));
    write('static/page.3.js', 'p'.repeat(1024));
    write(
      'static/page.3.js.map',
      map(['../../plugins/region-expansion/src/RegionsPage.tsx']),
    );
    write('static/vendor.4.js', 'v'.repeat(1024));
    write(
      'static/vendor.4.js.map',
      map(['node_modules/react-simple-maps/index.js']),
    );
    write('static/nomap.5.js', 'n');
  });
  afterEach(() => fs.rmSync(dist, { recursive: true, force: true }));

  it('reads the initial scripts from index.html in order', () => {
    expect(initialScripts(dist)).toEqual([
      'static/runtime.1.js',
      'static/main.2.js',
    ]);
  });

  it('sums raw and gzip -9 bytes of files in KB', () => {
    const gz = zlib.gzipSync('r'.repeat(2048), { level: 9 }).length;
    const gx = zlib.gzipSync('x'.repeat(4096), { level: 9 }).length;
    expect(scriptBytes(dist, initialScripts(dist))).toEqual({
      files: 2,
      rawKb: 6,
      gzipKb: Math.round((gz + gx) / 102.4) / 10,
    });
  });

  it("finds the plugin's on-demand chunks by their source maps", () => {
    expect(pluginChunks(dist)).toEqual(['static/page.3.js']);
  });

  it("keeps a page's loaded scripts beyond the initial ones, once each", () => {
    expect(
      pageChunks(dist, [
        'http://localhost:7300/static/runtime.1.js',
        'http://localhost:7300/static/vendor.4.js',
        'http://localhost:7300/static/page.3.js',
        'http://localhost:7300/static/page.3.js',
        'http://localhost:7300/api/catalog/entities',
        'http://localhost:7300/static/gone.9.js',
      ]),
    ).toEqual(['static/page.3.js', 'static/vendor.4.js']);
  });
});
