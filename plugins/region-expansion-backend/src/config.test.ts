import { ConfigReader } from '@backstage/config';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import { notConfigured } from './config';
import { regionExpansionPlugin } from './plugin';

jest.setTimeout(60_000);

const CONFIGURED = {
  regionExpansion: {
    governance: {
      targets: [{ partition: 'aws', accounts: ['123456789012'] }],
    },
    availability: { live: { enabled: true } },
  },
};

describe('notConfigured', () => {
  it('names every feature a start without configuration leaves off, with its key', () => {
    expect(
      notConfigured(new ConfigReader({}), { governanceProviders: 0 }),
    ).toEqual([
      'governance accounts (regionExpansion.governance.targets)',
      'governance sources (add a region-expansion-backend-module-* to the backend)',
      'availability refresh (regionExpansion.availability.live.enabled)',
    ]);
  });

  it('is empty when targets, a governance module and availability refresh are there', () => {
    expect(
      notConfigured(new ConfigReader(CONFIGURED), { governanceProviders: 1 }),
    ).toEqual([]);
  });

  it('counts an empty target list as not configured', () => {
    expect(
      notConfigured(
        new ConfigReader({
          regionExpansion: {
            governance: { targets: [] },
            availability: { live: { enabled: false } },
          },
        }),
        { governanceProviders: 2 },
      ),
    ).toEqual([
      'governance accounts (regionExpansion.governance.targets)',
      'availability refresh (regionExpansion.availability.live.enabled)',
    ]);
  });
});

describe('regionExpansionPlugin start without demo or AWS settings (production defaults)', () => {
  it('says in one log line what is not configured, pointing at docs/configuration.md', async () => {
    const logger = mockServices.logger.mock();
    logger.child.mockReturnValue(logger);
    const backend = await startTestBackend({
      features: [
        regionExpansionPlugin,
        logger.factory,
        mockServices.rootConfig.factory({ data: {} }),
      ],
    });
    try {
      const lines = [...logger.info.mock.calls, ...logger.warn.mock.calls].map(
        ([message]) => String(message),
      );
      const notConfiguredLines = lines.filter(line =>
        line.includes('not configured'),
      );
      expect(notConfiguredLines).toEqual([
        'region-expansion: not configured: governance accounts (regionExpansion.governance.targets), governance sources (add a region-expansion-backend-module-* to the backend), availability refresh (regionExpansion.availability.live.enabled); see docs/configuration.md',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
