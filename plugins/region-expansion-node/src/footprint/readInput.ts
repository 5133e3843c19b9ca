import fs from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import type { Tags } from 'yaml';
import { FootprintInputError } from './InputError';
import { fsProblem } from './fileSystem';

/**
 * The `yaml` library, loaded on the first YAML parse: it is about 40 ms of
 * start-up (72 modules) that a footprint of CloudTrail logs never uses.
 */
function yaml(): typeof import('yaml') {
  return require('yaml');
}

/**
 * Largest input file (bytes, after decompression) the footprint readers
 * accept: 256 MiB.
 *
 * @public
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * Reads a whole text file, rejecting folders, oversized and non-UTF-8
 * files with a {@link FootprintInputError} naming `shownAs` (default the
 * file) and the reason; symbolic links are followed.
 *
 * @public
 */
export async function readTextFile(
  file: string,
  maxBytes: number = MAX_INPUT_BYTES,
  shownAs: string = file,
): Promise<string> {
  let size: number;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) {
      throw Object.assign(new Error('folder'), { code: 'EISDIR' });
    }
    size = stat.size;
  } catch (error) {
    throw new FootprintInputError({ file: shownAs, problem: fsProblem(error) });
  }
  if (size > maxBytes) {
    throw new FootprintInputError({
      file: shownAs,
      problem: `file is ${size} bytes, over the ${maxBytes}-byte limit`,
    });
  }
  let buffer: Buffer;
  try {
    buffer = await fs.readFile(file);
  } catch (error) {
    throw new FootprintInputError({ file: shownAs, problem: fsProblem(error) });
  }
  // The file may have grown since the size check.
  if (buffer.length > maxBytes) {
    throw new FootprintInputError({
      file: shownAs,
      problem: `file is ${buffer.length} bytes, over the ${maxBytes}-byte limit`,
    });
  }
  if (!isUtf8(buffer)) {
    throw new FootprintInputError({
      file: shownAs,
      problem: 'not valid UTF-8 text',
    });
  }
  return buffer.toString('utf8').replace(/^\uFEFF/, '');
}

function lineOfOffset(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) line++;
  }
  return line;
}

/** Context V8 prints on each side of the offending character. */
const V8_CONTEXT_CHARACTERS = 10;

/**
 * Offset of V8's "Unexpected token 'x', ..."snippet"... is not valid JSON"
 * error, found from the snippet (the message has no position); approximate.
 */
function offsetOfSnippet(message: string, text: string): number {
  const match =
    /^Unexpected token .*?, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(
      message,
    );
  if (!match) return text.length;
  const [, before, snippet] = match;
  const at = text.indexOf(snippet);
  if (at < 0) return text.length;
  if (before) return at + V8_CONTEXT_CHARACTERS;
  return Math.max(0, snippet.length - V8_CONTEXT_CHARACTERS);
}

/**
 * The problem of a JSON syntax error in words of our own: V8's messages may
 * quote the text around the error, and an error message must never echo
 * file contents (a manifest pointing at /etc/passwd would show it).
 */
function jsonProblem(
  message: string,
  text: string,
): {
  problem: string;
  offset: number;
} {
  const position = /at position (\d+)/.exec(message);
  const offset = position ? Number(position[1]) : undefined;
  if (/^Unexpected token/.test(message)) {
    return {
      problem: 'unexpected character',
      offset: offset ?? offsetOfSnippet(message, text),
    };
  }
  if (/^Unexpected end of JSON input/.test(message)) {
    return {
      problem: 'unexpected end of input (truncated?)',
      offset: text.length,
    };
  }
  const words = message
    .replace(/ after JSON at position.*$/s, ' after the JSON value')
    .replace(/ in JSON at position.*$/s, '')
    .replace(/\s*\(line \d+ column \d+\)/, '');
  // Only V8's own wording, which quotes punctuation at most.
  const safe = /^[A-Za-z -]+(?:'[^A-Za-z0-9\s]'[A-Za-z -]*)*$/.test(words)
    ? words.charAt(0).toLowerCase() + words.slice(1)
    : 'not valid JSON';
  return { problem: safe, offset: offset ?? text.length };
}

/**
 * Parses JSON, turning syntax errors into one-line
 * {@link FootprintInputError}s with a line number and no file contents.
 *
 * @public
 */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const { problem, offset } = jsonProblem((error as Error).message, text);
    throw new FootprintInputError({
      file,
      line: lineOfOffset(text, offset),
      problem: `malformed JSON: ${problem}`,
    });
  }
}

const INTRINSICS: Array<[tag: string, key: string]> = [
  ['!Ref', 'Ref'],
  ['!Condition', 'Condition'],
  ['!Sub', 'Fn::Sub'],
  ['!GetAtt', 'Fn::GetAtt'],
  ['!If', 'Fn::If'],
  ['!Join', 'Fn::Join'],
  ['!Select', 'Fn::Select'],
  ['!Split', 'Fn::Split'],
  ['!FindInMap', 'Fn::FindInMap'],
  ['!ImportValue', 'Fn::ImportValue'],
  ['!Base64', 'Fn::Base64'],
  ['!Cidr', 'Fn::Cidr'],
  ['!GetAZs', 'Fn::GetAZs'],
  ['!Equals', 'Fn::Equals'],
  ['!And', 'Fn::And'],
  ['!Or', 'Fn::Or'],
  ['!Not', 'Fn::Not'],
  ['!Transform', 'Fn::Transform'],
  ['!ToJsonString', 'Fn::ToJsonString'],
  ['!Length', 'Fn::Length'],
];

/**
 * `yaml` custom tags for CloudFormation's short-form intrinsic functions, in
 * scalar, sequence and mapping form. `!GetAtt A.B` becomes
 * `{"Fn::GetAtt": ["A", "B"]}`.
 *
 * @public
 */
export const cloudFormationYamlTags: Tags = INTRINSICS.flatMap(([tag, key]) => [
  {
    tag,
    resolve: (value: string) =>
      key === 'Fn::GetAtt'
        ? { [key]: value.split(/\.(.*)/s, 2) }
        : { [key]: value },
  },
  {
    tag,
    collection: 'seq' as const,
    resolve: (node: { toJSON(): unknown }) =>
      new (yaml().Scalar)({ [key]: node.toJSON() }),
  },
  {
    tag,
    collection: 'map' as const,
    resolve: (node: { toJSON(): unknown }) =>
      new (yaml().Scalar)({ [key]: node.toJSON() }),
  },
]) as Tags;

/**
 * Most alias expansions of one YAML document, counted as the `yaml` library
 * does (an alias of an anchor that itself holds aliases counts for each).
 * Each aliased node is read once, so this bounds the parse, not the walk.
 *
 * @public
 */
export const MAX_YAML_ALIAS_COUNT = 10_000;

/**
 * Longest line of YAML read, in characters. The `yaml` parser spends
 * seconds and gigabytes on one enormous line (an unterminated 50 MB quoted
 * string); no template or data file has such a line, while JSON, parsed
 * natively, may be one line of any length.
 *
 * @public
 */
export const MAX_YAML_LINE_LENGTH = 1024 * 1024;

/** 1-based number of the first line longer than `max`, if any. */
function firstLineLongerThan(text: string, max: number): number | undefined {
  let start = 0;
  let line = 1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end - start > max) return line;
    start = end + 1;
    line++;
  }
  return undefined;
}

/** YAML error codes in words; the library's messages may quote the text. */
const YAML_PROBLEMS: Record<string, string> = {
  BAD_ALIAS: 'bad alias',
  BAD_DQ_ESCAPE: 'invalid escape in a double-quoted string',
  BAD_INDENT: 'bad indentation',
  BAD_SCALAR_START: 'a plain value starts with a reserved character',
  BLOCK_AS_IMPLICIT_KEY: 'nested mapping in a compact mapping',
  BLOCK_IN_FLOW: 'block collection inside a flow collection',
  DUPLICATE_KEY: 'duplicate key in a mapping',
  KEY_OVER_1024_CHARS: 'implicit key longer than 1024 characters',
  MISSING_CHAR: 'missing character (an unclosed bracket or quote?)',
  MULTILINE_IMPLICIT_KEY: 'implicit key on more than one line',
  MULTIPLE_DOCS: 'more than one document',
  RESOURCE_EXHAUSTION: 'nesting too deep',
  TAB_AS_INDENT: 'tab used as indentation',
  UNEXPECTED_TOKEN: 'unexpected token',
};

function yamlProblem(code: string): string {
  return YAML_PROBLEMS[code] ?? code.toLowerCase().replace(/_/g, ' ');
}

/**
 * Parses CloudFormation YAML (with short-form tags) into plain data. An
 * anchor's value is one shared object however often it is aliased, so the
 * readers walk it once; more than {@link MAX_YAML_ALIAS_COUNT} alias
 * expansions, and nesting too deep to build, are input errors. Errors name
 * the line and the problem, never the text.
 *
 * @public
 */
export function parseYamlText(text: string, file: string): unknown {
  const long = firstLineLongerThan(text, MAX_YAML_LINE_LENGTH);
  if (long !== undefined) {
    throw new FootprintInputError({
      file,
      line: long,
      problem: `malformed YAML: line over the ${MAX_YAML_LINE_LENGTH}-character limit (YAML templates and data files have short lines; JSON may be one line)`,
    });
  }
  const { LineCounter, parseDocument, visit } = yaml();
  const lineCounter = new LineCounter();
  let document;
  try {
    document = parseDocument(text, {
      customTags: cloudFormationYamlTags,
      lineCounter,
      prettyErrors: false,
      uniqueKeys: true,
    });
  } catch (error) {
    throw yamlFailure(error, file);
  }
  const [error] = document.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new FootprintInputError({
      file,
      line,
      problem: `malformed YAML: ${yamlProblem(error.code)}`,
    });
  }
  try {
    // Each alias node is at least one expansion: refuse before building.
    let aliases = 0;
    visit(document, {
      Alias: () => (++aliases > MAX_YAML_ALIAS_COUNT ? visit.BREAK : undefined),
    });
    if (aliases > MAX_YAML_ALIAS_COUNT) {
      throw new ReferenceError('Excessive alias count');
    }
    return document.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT });
  } catch (failure) {
    throw yamlFailure(failure, file);
  }
}

/** A failure of the `yaml` library while building values, as an input error. */
function yamlFailure(error: unknown, file: string): unknown {
  if (error instanceof RangeError) {
    return new FootprintInputError({
      file,
      problem: 'malformed YAML: nesting too deep',
    });
  }
  if (error instanceof ReferenceError) {
    return new FootprintInputError({
      file,
      problem: /Excessive alias count/.test(error.message)
        ? `too many YAML alias expansions (over ${MAX_YAML_ALIAS_COUNT})`
        : 'malformed YAML: an alias names no anchor defined before it',
    });
  }
  return error;
}
