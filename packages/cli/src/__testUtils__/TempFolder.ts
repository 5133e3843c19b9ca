import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A private temporary folder that tests write their input files into. */
export class TempFolder {
  readonly dir: string;

  constructor(prefix: string) {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  }

  /** The path of `parts` inside the folder (bound, so it may be passed on). */
  readonly at = (...parts: string[]): string => path.join(this.dir, ...parts);

  /** Writes a file, creating the folders above it. */
  write(name: string, content: string | Buffer): void {
    fs.mkdirSync(path.dirname(this.at(name)), { recursive: true });
    fs.writeFileSync(this.at(name), content);
  }

  remove(): void {
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
