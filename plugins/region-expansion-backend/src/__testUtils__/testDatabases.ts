import { TestDatabaseId } from '@backstage/backend-test-utils';

const POSTGRES_IDS: TestDatabaseId[] = [
  'POSTGRES_18',
  'POSTGRES_17',
  'POSTGRES_16',
  'POSTGRES_15',
  'POSTGRES_14',
  'POSTGRES_13',
];

/**
 * SQLite always, plus every PostgreSQL version whose connection string is
 * exported as `BACKSTAGE_TEST_DATABASE_POSTGRES<NN>_CONNECTION_STRING`.
 * Never asks for a Docker container: without a connection string a
 * PostgreSQL run is left out instead of failing.
 */
export function testDatabaseIds(): TestDatabaseId[] {
  return [
    'SQLITE_3',
    ...POSTGRES_IDS.filter(
      id =>
        process.env[
          `BACKSTAGE_TEST_DATABASE_${id.replace('_', '')}_CONNECTION_STRING`
        ],
    ),
  ];
}
