/**
 * Thrown for input that cannot be read completely and correctly: malformed
 * YAML or JSON, truncated gzip, non-UTF-8 text, oversized files, unknown
 * kinds. The message is one line naming the file and, when known, the line
 * and field.
 *
 * @public
 */
export class FootprintInputError extends Error {
  readonly file: string;
  readonly line?: number;
  readonly field?: string;

  constructor(options: {
    file: string;
    problem: string;
    line?: number;
    field?: string;
  }) {
    const where = [
      options.file,
      options.line !== undefined ? `line ${options.line}` : undefined,
      options.field ? `field ${options.field}` : undefined,
    ]
      .filter(Boolean)
      .join(': ');
    super(`${where}: ${options.problem.replace(/\s*\n\s*/g, ' ')}`);
    this.name = 'FootprintInputError';
    this.file = options.file;
    this.line = options.line;
    this.field = options.field;
  }
}
