import { mockServices } from '@backstage/backend-test-utils';
import { readRegionExpansionProviderConfig } from './config';

const read = (regionExpansion?: unknown) =>
  readRegionExpansionProviderConfig(
    mockServices.rootConfig({
      data: regionExpansion
        ? { catalog: { providers: { regionExpansion } } }
        : {},
    }),
  );

describe('readRegionExpansionProviderConfig', () => {
  it.each<[string, unknown, object]>([
    [
      'nothing configured: defaults',
      undefined,
      {
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
        owner: 'group:default/platform-team',
      },
    ],
    [
      'owner without kind or namespace',
      { owner: 'sre' },
      {
        schedule: { frequency: { minutes: 5 }, timeout: { minutes: 3 } },
        owner: 'group:default/sre',
      },
    ],
    [
      'schedule, user owner and base URL with trailing slash',
      {
        owner: 'user:ops/jane',
        baseUrl: 'https://portal.example.com/api/region-expansion/',
        schedule: { frequency: { cron: '*/10 * * * *' }, timeout: 'PT2M' },
      },
      {
        schedule: {
          frequency: { cron: '*/10 * * * *' },
          timeout: { minutes: 2 },
        },
        owner: 'user:ops/jane',
        baseUrl: 'https://portal.example.com/api/region-expansion',
      },
    ],
  ])('%s', (_, config, expected) => {
    expect(read(config)).toEqual(expected);
  });

  it.each<[string, unknown, RegExp]>([
    ['bad owner', { owner: 'group:' }, /owner: 'group:' is not an entity ref/],
    ['bad schedule', { schedule: { frequency: { minutes: 5 } } }, /timeout/],
  ])('rejects a %s', (_, config, message) => {
    expect(() => read(config)).toThrow(message);
  });
});
