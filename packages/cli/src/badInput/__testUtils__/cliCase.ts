/** One bad invocation of the CLI and what must come of it. */
export interface CliCase {
  name: string;
  category: string;
  args: string[];
  /** Also run as a real process (`bin/region-expansion`), RSS measured. */
  spawn?: boolean;
  /** stderr must name one of these: the file, the flag or the value. */
  names: string[];
  /** stderr must give this reason. */
  reason: RegExp;
  /**
   * Amplification and deep nesting of valid content: a run that succeeds
   * (exit 0 or 1) with at most this much output is bounded too.
   */
  boundedOk?: { maxBytes: number };
}

/** A success bound for valid content built to cost. */
export const BOUNDED = { maxBytes: 1024 * 1024 };
