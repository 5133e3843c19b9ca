import { combineAsync } from './combineAsync';

describe('combineAsync', () => {
  const failure = new Error('403: location.read is required');

  it.each([
    [
      'loading while any read is under way',
      { a: { loading: false, value: 1 }, b: { loading: true } },
      { loading: true },
    ],
    [
      'loading, without values, while any read reloads',
      { a: { loading: true, value: 1 }, b: { loading: false, value: 2 } },
      { loading: true },
    ],
    [
      'the first error as soon as any read fails, even while another loads',
      { a: { loading: true }, b: { loading: false, error: failure } },
      { loading: false, error: failure },
    ],
    [
      'every value by its key once all have one',
      { a: { loading: false, value: 1 }, b: { loading: false, value: [] } },
      { loading: false, value: { a: 1, b: [] } },
    ],
  ] as const)('is %s', (_case, states, expected) => {
    expect(combineAsync(states)).toEqual(expected);
  });
});
