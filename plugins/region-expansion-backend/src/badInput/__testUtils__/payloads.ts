import zlib from 'node:zlib';

/** Depth of every "deep nesting" payload of the corpus. */
export const DEEP = 10_000;

/** `[[[...]]]` nested `depth` times, as JSON text. */
export function deepJsonArray(depth = DEEP): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

/** `{"a":{"a":...}}` nested `depth` times, as JSON text. */
export function deepJsonObject(depth = DEEP): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** A YAML flow sequence nested `depth` times. */
export function deepYaml(depth = DEEP): string {
  return `Resources: ${'['.repeat(depth)}${']'.repeat(depth)}\n`;
}

/**
 * The amplification template of the Trust issue: one anchor holding 200
 * `arn:aws:` strings, aliased 2,000 times from one flow sequence. About
 * 12 KB of YAML that expands to 400,000 strings.
 */
export function aliasAmplificationTemplate(
  strings = 200,
  aliases = 2_000,
): string {
  const arns = Array.from(
    { length: strings },
    (_, i) => `arn:aws:s3:::bucket-${i}`,
  ).join(', ');
  return [
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Bucket:',
    '    Type: AWS::S3::Bucket',
    '    Metadata:',
    `      Arns: &a [${arns}]`,
    '  Role:',
    '    Type: AWS::IAM::Role',
    '    Metadata:',
    `      Copies: [${Array(aliases).fill('*a').join(', ')}]`,
    '',
  ].join('\n');
}

/**
 * "Billion laughs" in YAML: ten levels, each aliasing the previous level
 * ten times, 10^10 leaves once expanded.
 */
export function billionLaughsYaml(levels = 10): string {
  const lines = [
    'Resources:',
    '  Bomb:',
    '    Type: AWS::S3::Bucket',
    '    Metadata:',
  ];
  lines.push('      l0: &l0 [lol,lol,lol,lol,lol,lol,lol,lol,lol,lol]');
  for (let i = 1; i < levels; i++) {
    lines.push(
      `      l${i}: &l${i} [${Array(10)
        .fill(`*l${i - 1}`)
        .join(',')}]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * A gzip stream of concatenated members that inflates to `inflatedBytes`
 * of valid CloudTrail JSON (`{"Records":[{"eventSource":"s3.amazonaws.com",
 * "pad":"aaaa..."}]}`) while staying about a thousandth of that size: one
 * member of 1 MiB of `a` is compressed once and repeated.
 */
export function gzipBomb(inflatedBytes: number): Buffer {
  const head = zlib.gzipSync(
    '{"Records":[{"eventSource":"s3.amazonaws.com","eventName":"GetObject","pad":"',
  );
  const tail = zlib.gzipSync('"}]}');
  const mebibyte = zlib.gzipSync(Buffer.alloc(1 << 20, 'a'), { level: 9 });
  const members = Math.ceil(inflatedBytes / (1 << 20));
  return Buffer.concat([head, ...Array(members).fill(mebibyte), tail]);
}

/** A gzip stream cut short after `keep` bytes. */
export function truncatedGzip(text: string, keep = 10): Buffer {
  return zlib.gzipSync(text).subarray(0, keep);
}
