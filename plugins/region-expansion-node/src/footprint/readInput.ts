import fs from 'node:fs/promises';
import { isUtf8 } from 'node:buffer';
import { parseDocument, LineCounter, type Tags, Scalar } from 'yaml';
import { FootprintInputError } from './InputError';

/**
 * Largest input file (bytes, after decompression) the footprint readers
 * accept: 256 MiB.
 *
 * @public
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Reads a whole text file, rejecting oversized and non-UTF-8 files. */
export async function readTextFile(
  file: string,
  maxBytes: number = MAX_INPUT_BYTES,
): Promise<string> {
  let size: number;
  try {
    size = (await fs.stat(file)).size;
  } catch (error) {
    throw new FootprintInputError({
      file,
      problem: `cannot read (${
        (error as NodeJS.ErrnoException).code ?? error
      })`,
    });
  }
  if (size > maxBytes) {
    throw new FootprintInputError({
      file,
      problem: `file is ${size} bytes, over the ${maxBytes}-byte limit`,
    });
  }
  const buffer = await fs.readFile(file);
  if (!isUtf8(buffer)) {
    throw new FootprintInputError({ file, problem: 'not valid UTF-8 text' });
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

/** Parses JSON, turning syntax errors into one-line errors with a line number. */
export function parseJsonText(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    const line = position
      ? lineOfOffset(text, Number(position[1]))
      : lineOfOffset(text, text.length);
    throw new FootprintInputError({
      file,
      line,
      problem: `malformed JSON: ${message.replace(
        /\s*\(line \d+ column \d+\)/,
        '',
      )}`,
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
      new Scalar({ [key]: node.toJSON() }),
  },
  {
    tag,
    collection: 'map' as const,
    resolve: (node: { toJSON(): unknown }) =>
      new Scalar({ [key]: node.toJSON() }),
  },
]) as Tags;

/** Parses CloudFormation YAML (with short-form tags) into plain data. */
export function parseYamlText(text: string, file: string): unknown {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, {
    customTags: cloudFormationYamlTags,
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
  });
  const [error] = document.errors;
  if (error) {
    const line = lineCounter.linePos(error.pos[0]).line;
    throw new FootprintInputError({
      file,
      line,
      problem: `malformed YAML: ${error.message.split('\n')[0]}`,
    });
  }
  return document.toJS({ maxAliasCount: 10000 });
}
