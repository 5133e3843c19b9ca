import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

/** Bytes of a set of script files: how many, raw and gzipped (level 9, per file, summed), in KB. */
export interface ScriptBytes {
  files: number;
  rawKb: number;
  gzipKb: number;
}

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/** Sums the raw and gzip -9 sizes of `files` (paths below `dist`, e.g. `static/main.js`). */
export function scriptBytes(dist: string, files: string[]): ScriptBytes {
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const content = fs.readFileSync(path.join(dist, file));
    raw += content.length;
    gzip += zlib.gzipSync(content, { level: 9 }).length;
  }
  return { files: files.length, rawKb: kb(raw), gzipKb: kb(gzip) };
}

/** The scripts `index.html` loads before any page: the app's initial JavaScript. */
export function initialScripts(dist: string): string[] {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<script[^>]*\ssrc="\/?(static\/[^"]+\.js)"/g)].map(
    m => m[1],
  );
}

/**
 * The build's chunks that hold the frontend plugin's own sources (from each
 * chunk's source map), excluding the initial scripts: what the plugin adds on
 * demand.
 */
export function pluginChunks(
  dist: string,
  sourceMarker = 'plugins/region-expansion/src/',
): string[] {
  const initial = new Set(initialScripts(dist));
  const dir = path.join(dist, 'static');
  return fs
    .readdirSync(dir)
    .filter(f => f.endsWith('.js') && !initial.has(`static/${f}`))
    .filter(f => {
      const map = path.join(dir, `${f}.map`);
      if (!fs.existsSync(map)) return false;
      const { sources = [] } = JSON.parse(fs.readFileSync(map, 'utf8')) as {
        sources?: string[];
      };
      return sources.some(s => s.includes(sourceMarker));
    })
    .map(f => `static/${f}`)
    .sort();
}

/**
 * The scripts a page loaded beyond the initial ones, from the URLs of its
 * resource timing entries (cache hits included).
 */
export function pageChunks(dist: string, scriptUrls: string[]): string[] {
  const initial = new Set(initialScripts(dist));
  const files = scriptUrls
    .map(u => new URL(u).pathname.replace(/^\//, ''))
    .filter(f => f.startsWith('static/') && f.endsWith('.js'))
    .filter(f => !initial.has(f) && fs.existsSync(path.join(dist, f)));
  return [...new Set(files)].sort();
}
