import path from 'node:path';
import { Config, ConfigReader } from '@backstage/config';
import { rootConfigServiceFactory } from '@backstage/backend-defaults/rootConfig';
import { ServiceFactoryTester } from '@backstage/backend-test-utils';

const ROOT = path.resolve(__dirname, '../../..');

// The environment docs/deployment.md tells operators to set.
const PRODUCTION_ENV = {
  APP_BASE_URL: 'https://portal.example.com',
  BACKEND_BASE_URL: 'https://portal.example.com',
  BACKEND_SECRET: 'a-long-random-secret',
  POSTGRES_HOST: 'db.example.com',
  POSTGRES_PORT: '5432',
  POSTGRES_USER: 'backstage',
  POSTGRES_PASSWORD: 'secret',
  AUTH_GITHUB_CLIENT_ID: 'client-id',
  AUTH_GITHUB_CLIENT_SECRET: 'client-secret',
};

/**
 * Loads config files the way the backend does (the root config service of
 * @backstage/backend-defaults, `--config` arguments, `${VAR}` substitution
 * from the environment).
 */
async function loadStack(files: string[]): Promise<Config> {
  const saved = { ...process.env };
  Object.assign(process.env, PRODUCTION_ENV);
  // Operator overrides must not leak into what the committed files say.
  for (const key of Object.keys(process.env)) {
    if (key.startsWith('APP_CONFIG_')) delete process.env[key];
  }
  const log = jest.spyOn(console, 'log').mockImplementation(() => {});
  try {
    const argv = files.flatMap(file => ['--config', path.join(ROOT, file)]);
    return await ServiceFactoryTester.from(
      rootConfigServiceFactory({ argv }),
    ).getSubject();
  } finally {
    log.mockRestore();
    process.env = saved;
  }
}

/** Every AWS endpoint override a region-expansion reader honours. */
function endpointOverrides(config: Config): string[] {
  const governance = config.getOptionalConfig('regionExpansion.governance');
  const endpoints = governance?.getOptionalConfig('endpoints');
  return [
    governance?.getOptionalString('endpoint'),
    ...(endpoints?.keys() ?? []).map(key => endpoints!.getString(key)),
  ].filter((value): value is string => value !== undefined);
}

/** Account ids and key ids of the local AWS simulator's organization. */
function simulatorAccounts(config: Config): string[] {
  const found: string[] = [];
  for (const account of config.getOptionalConfigArray('aws.accounts') ?? []) {
    const keyId = account.getOptionalString('accessKeyId') ?? '';
    if (keyId.startsWith('ASIASIM')) found.push(keyId);
  }
  for (const target of config.getOptionalConfigArray(
    'regionExpansion.governance.targets',
  ) ?? []) {
    found.push(...target.getStringArray('accounts'));
  }
  // Live availability reads each partition with its own account.
  const live = config.getOptionalConfig(
    'regionExpansion.availability.live.accounts',
  );
  for (const partition of live?.keys() ?? []) {
    found.push(live!.getString(partition));
  }
  // The simulator's synthetic organization numbers its accounts 2000010000xx.
  return found.filter(id => /^ASIASIM|^2000010000\d\d$/.test(id));
}

describe('simulatorAccounts', () => {
  it('finds a simulator account set only as a partition’s live availability account', () => {
    expect(
      simulatorAccounts(
        new ConfigReader({
          regionExpansion: {
            availability: {
              live: {
                accounts: { aws: '200001000000', 'aws-eusc': '123456789012' },
              },
            },
          },
        }),
      ),
    ).toEqual(['200001000000']);
  });
});

describe('the production config stack (app-config.yaml + app-config.production.yaml, as the image loads it)', () => {
  let config: Config;

  beforeAll(async () => {
    config = await loadStack(['app-config.yaml', 'app-config.production.yaml']);
  });

  it('seeds no demo estate', () => {
    expect(
      config.getOptionalBoolean('regionExpansion.demoData.enabled'),
    ).not.toBe(true);
  });

  it('points the AWS SDK at no endpoint override (no local simulator)', () => {
    expect(endpointOverrides(config)).toEqual([]);
  });

  it('holds no account or key of the local AWS simulator', () => {
    expect(simulatorAccounts(config)).toEqual([]);
  });

  it('does not refresh availability without an account to read it with', () => {
    expect(
      config.getOptionalBoolean('regionExpansion.availability.live.enabled'),
    ).not.toBe(true);
  });

  it('stores its data in PostgreSQL, from the environment', () => {
    expect(config.getString('backend.database.client')).toBe('pg');
    expect(config.getString('backend.database.connection.host')).toBe(
      'db.example.com',
    );
    expect(config.getString('backend.database.connection.password')).toBe(
      'secret',
    );
  });
});

describe('the demo config stack (app-config.yaml + app-config.demo.yaml, as ./scripts/portal start loads it)', () => {
  let config: Config;

  beforeAll(async () => {
    config = await loadStack(['app-config.yaml', 'app-config.demo.yaml']);
  });

  it('seeds the demo estate and reads the local AWS simulator with its accounts', () => {
    expect(config.getBoolean('regionExpansion.demoData.enabled')).toBe(true);
    expect(endpointOverrides(config)).toEqual(['http://127.0.0.1:4566']);
    expect(simulatorAccounts(config)).toContain('ASIASIM200001000000');
    expect(config.getString('backend.database.client')).toBe('better-sqlite3');
  });
});
