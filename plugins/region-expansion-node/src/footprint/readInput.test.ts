import { FootprintInputError } from './InputError';
import { parseJsonText, parseYamlText } from './readInput';

const SECRET = 's3cr3t-hash';

function failure(parse: () => unknown): FootprintInputError {
  try {
    parse();
  } catch (error) {
    return error as FootprintInputError;
  }
  throw new Error('parsed');
}

describe('parse errors name the line and the problem, never the text', () => {
  it.each([
    [`root:x:0:0:${SECRET}:/root:/bin/bash`, 1, 'unexpected character'],
    [`{"a": 1,\n "b": ${SECRET}}`, 2, 'unexpected character'],
    // A long key before and text after put the secret mid-line, where a
    // parser's "near …" excerpt of the line would quote it.
    [
      `{"${'k'.repeat(25)}": 1,\n"b": x${SECRET}${'x'.repeat(15)}}`,
      2,
      'unexpected character',
    ],
    [`{"a": "${SECRET}`, 1, 'unterminated string'],
    [`{"a": 1,}`, 1, 'expected double-quoted property name'],
    [
      `{"a": 1}} ${SECRET}`,
      1,
      'unexpected non-whitespace character after the JSON value',
    ],
    [`{"a": "\\q${SECRET}"}`, 1, 'bad escaped character'],
    ['{"a":', 1, 'unexpected end of input (truncated?)'],
  ])('JSON %#', (text, line, problem) => {
    const error = failure(() => parseJsonText(text, 'f.json'));
    expect(error).toBeInstanceOf(FootprintInputError);
    expect(error.message).toBe(
      `f.json: line ${line}: malformed JSON: ${problem}`,
    );
    expect(error.line).toBe(line);
  });

  it.each([
    [
      `a: "\\q${SECRET}"\n`,
      'line 1: malformed YAML: invalid escape in a double-quoted string',
    ],
    [
      `a: 1\na: ${SECRET}\n`,
      'line 2: malformed YAML: duplicate key in a mapping',
    ],
    [
      `a: *${SECRET}\n`,
      'malformed YAML: an alias names no anchor defined before it',
    ],
    [
      `a: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`,
      'line 1: malformed YAML: nesting too deep',
    ],
    [
      `a: &a [x]\nb: [${Array(10_001).fill('*a').join(',')}]\n`,
      'too many YAML alias expansions (over 10000)',
    ],
    [
      `l0: &l0 [a,a,a,a,a,a,a,a,a,a]\n${Array.from(
        { length: 9 },
        (_, i) =>
          `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(',')}]`,
      ).join('\n')}\n`,
      'too many YAML alias expansions (over 10000)',
    ],
    [
      `Resources: "${'a'.repeat(2 * 1024 * 1024)}\n`,
      'line 1: malformed YAML: line over the 1048576-character limit (YAML templates and data files have short lines; JSON may be one line)',
    ],
  ])('YAML %#', (text, problem) => {
    const error = failure(() => parseYamlText(text, 'f.yaml'));
    expect(error).toBeInstanceOf(FootprintInputError);
    expect(error.message).toMatch(
      new RegExp(`^f\\.yaml: ${problem.replace(/[()]/g, '\\$&')}$`),
    );
    expect(error.message).not.toContain(SECRET);
  });

  it('reads an anchor aliased many times as one shared value', () => {
    const value = parseYamlText(
      `a: &a [x, y]\nb: [${Array(100).fill('*a').join(',')}]\n`,
      'f.yaml',
    ) as { a: unknown; b: unknown[] };
    expect(value.b).toHaveLength(100);
    expect(value.b.every(item => item === value.a)).toBe(true);
  });
});
