import { mockServices } from '@backstage/backend-test-utils';
import {
  DEFAULT_REGION_EXPANSION_SEARCH_SCHEDULE,
  readRegionExpansionSearchConfig,
} from './config';

const read = (regionExpansion: unknown) =>
  readRegionExpansionSearchConfig(
    mockServices.rootConfig({
      data: { search: { collators: { regionExpansion } } } as any,
    }),
  );

describe('readRegionExpansionSearchConfig', () => {
  it('defaults every key', () => {
    expect(readRegionExpansionSearchConfig(mockServices.rootConfig())).toEqual({
      schedule: DEFAULT_REGION_EXPANSION_SEARCH_SCHEDULE,
      basePath: '/region-expansion',
    });
  });

  it('reads the schedule and a base path, dropping its trailing slash', () => {
    expect(
      read({
        schedule: { frequency: { hours: 1 }, timeout: { minutes: 2 } },
        basePath: '/portal/regions/',
      }),
    ).toEqual({
      schedule: { frequency: { hours: 1 }, timeout: { minutes: 2 } },
      basePath: '/portal/regions',
    });
  });

  it.each([
    [
      { schedule: { frequency: 'often' } },
      /^search\.collators\.regionExpansion\.schedule: /,
    ],
    [
      { basePath: 'region-expansion' },
      "search.collators.regionExpansion.basePath: must be a path starting with /, got 'region-expansion'",
    ],
  ])('names the key of a bad value (%j)', (value, message) => {
    expect(() => read(value)).toThrow(message);
  });
});
