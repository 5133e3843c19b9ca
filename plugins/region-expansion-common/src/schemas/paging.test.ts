import { describeZodError } from './errors';
import {
  decodePageCursor,
  encodePageCursor,
  pageCursorSchema,
  PageCursorList,
} from './paging';

describe('page cursors', () => {
  it.each<[PageCursorList, string[]]>([
    ['governance-findings', ['securityhub', 'arn:aws:securityhub:::finding/1']],
    ['governance-history', ['2026-11-26', 'securityhub', 'aws-eusc']],
    ['waivers', ['2026-11-26T00:00:00.000Z', 'Zürich €/+=?&']],
  ])('round-trips a %s key through a URL-safe token', (list, key) => {
    const token = encodePageCursor(list, key);
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodePageCursor(list, token, key.length)).toEqual(key);
  });

  it.each([
    ['another list', encodePageCursor('waivers', ['a', 'b'])],
    ['a key of another length', encodePageCursor('governance-findings', ['a'])],
    ['not base64url', 'a+b/c='],
    ['base64 of no JSON', 'bm90LWpzb24'],
    ['JSON that is no key', btoa('{"a":1}').replace(/=+$/, '')],
    [
      'numbers in the key',
      btoa('["governance-findings",1,2]').replace(/=+$/, ''),
    ],
    ['longer than 4096 characters', 'A'.repeat(4097)],
  ])('refuses %s', (_label, token) => {
    expect(decodePageCursor('governance-findings', token, 2)).toBeUndefined();
    const result = pageCursorSchema('governance-findings', 2).safeParse(token);
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toBe(
      '(root): must be the nextCursor of an earlier page of this list, unchanged',
    );
  });
});
