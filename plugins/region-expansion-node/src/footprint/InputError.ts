/**
 * Thrown for input that cannot be read completely and correctly: malformed
 * YAML or JSON, truncated gzip, non-UTF-8 text, oversized files, unknown
 * kinds. The message is one line naming the file and, when known, the line
 * and field.
 *
 * @public
 */
export class FootprintInputError extends Error {
  /** Path of the input file (or directory) the problem is in. */
  readonly file: string;
  /** 1-based line of a JSON or YAML parse error; absent for other problems. */
  readonly line?: number;
  /**
   * Dotted path of the missing or invalid field, e.g. `Resources` or
   * `artifacts.<stack>.properties.templateFile`; absent when the problem is not
   * one field.
   */
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
