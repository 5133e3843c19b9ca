import { regionsPageOptions, withDefaults } from './benchOptions';

describe('withDefaults', () => {
  it('sets each number option left out to its default, keeps what was given and leaves switches off', () => {
    expect(
      withDefaults(regionsPageOptions, { cells: 10, port: undefined }),
    ).toEqual({ cells: 10, tenants: 100_000, runs: 5, port: 7300 });
  });
});
