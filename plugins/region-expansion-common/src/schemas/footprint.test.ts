import { randomBytes } from 'node:crypto';
import { assessUploadSchema } from './footprint';

const upload = (content: string) => ({
  fileName: 'trail.json.gz',
  content,
  encoding: 'base64' as const,
});

describe('assessUploadSchema content as base64', () => {
  it.each([
    ['no padding', 'QUJD'],
    ['one pad', 'QUI='],
    ['two pads', 'QQ=='],
    [
      'every alphabet character',
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/',
    ],
  ])('accepts base64 with %s', (_name, content) => {
    expect(assessUploadSchema.safeParse(upload(content)).success).toBe(true);
  });

  it.each([
    ['a length not a multiple of 4', 'QUJDR'],
    ['a character outside the alphabet', 'QU-D'],
    ['padding inside the text', 'QQ==QUJD'],
    ['three pads', 'Q==='],
    ['white space', 'QUJD QUJD'],
    ['base64url characters', 'QU_D'],
  ])('refuses %s naming content', (_name, content) => {
    const result = assessUploadSchema.safeParse(upload(content));
    expect(result.success).toBe(false);
    expect(result.error!.issues).toEqual([
      expect.objectContaining({
        path: ['content'],
        message: 'must be base64 text when encoding is base64',
      }),
    ]);
  });

  // A 10 MB body (the route's limit) holds about 7.5 MB of file as base64.
  // The check used to be one backtracking regular expression whose stack
  // overflowed past about 4.4 million characters: a RangeError, a 500.
  it('checks base64 as long as the route body limit allows without a stack overflow', () => {
    const content = randomBytes(7_000_000).toString('base64');
    expect(content.length).toBeGreaterThan(9_000_000);
    expect(assessUploadSchema.safeParse(upload(content)).success).toBe(true);
    expect(
      assessUploadSchema.safeParse(upload(`${content.slice(0, -4)}QU-D`))
        .success,
    ).toBe(false);
  });
});
