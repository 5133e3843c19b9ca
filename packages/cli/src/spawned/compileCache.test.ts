import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runCliProcess } from '../__testUtils__/runCliProcess';
import { useCliInputs } from '../__testUtils__/cliInputs';

const { at } = useCliInputs('region-expansion-cli-compile-cache-');

/** A fresh folder standing for the OS cache folder (XDG_CACHE_HOME). */
function cacheHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'region-expansion-cache-'));
}

// The bin keeps V8's compiled code of the CLI's modules between runs in the
// OS cache folder; the cache only ever saves time, so a folder that cannot
// be written must change nothing in what the CLI prints or returns.
describe('the CLI compile cache', () => {
  it('is written under the OS cache folder', async () => {
    const home = cacheHome();
    const result = await runCliProcess(['footprint', at('logs'), '--json'], {
      XDG_CACHE_HOME: home,
      NODE_COMPILE_CACHE: '',
    });
    expect(result.code).toBe(0);
    const cache = path.join(home, 'region-expansion', 'node-compile-cache');
    expect(fs.readdirSync(cache).length).toBeGreaterThan(0);
  });

  it('leaves the output and exit code unchanged when the cache folder cannot be written', async () => {
    const home = cacheHome();
    const writable = await runCliProcess(['footprint', at('logs'), '--json'], {
      XDG_CACHE_HOME: home,
      NODE_COMPILE_CACHE: '',
    });
    // A file where the cache folder's parent should be: no mkdir can
    // succeed there, whatever the user's rights.
    const blocked = path.join(cacheHome(), 'not-a-folder');
    fs.writeFileSync(blocked, '');
    const unwritable = await runCliProcess(
      ['footprint', at('logs'), '--json'],
      { XDG_CACHE_HOME: blocked, NODE_COMPILE_CACHE: '' },
    );
    expect(unwritable.code).toBe(0);
    expect(unwritable.stderr).toBe('');
    const withoutDate = (stdout: string) =>
      stdout.replace(/"generatedAt": "[^"]*"/, '');
    expect(withoutDate(unwritable.stdout)).toBe(withoutDate(writable.stdout));
    expect(JSON.parse(unwritable.stdout).cloudTrail.records).toBeGreaterThan(0);
  });
});
