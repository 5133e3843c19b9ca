import fs from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { dryRun, dryRunMessages } from './__testUtils__/scaffolderDryRun';
import { startScaffolder } from './__testUtils__/regionExpansionBackend';

jest.setTimeout(120_000);

const template = () =>
  yaml.parse(
    fs.readFileSync(
      path.resolve(
        __dirname,
        '../templates/tenant-migration-runbook/template.yaml',
      ),
      'utf8',
    ),
  );

/**
 * The tenant-migration-runbook template through the scaffolder's dry run
 * against the real region-expansion backend: the wizard's unset fields are
 * left out of the request, so each kind of move reaches the backend, whose
 * refusal names the field.
 */
describe('template tenant-migration-runbook', () => {
  let backend: Awaited<ReturnType<typeof startScaffolder>>;
  beforeAll(async () => {
    backend = await startScaffolder({});
  });
  afterAll(() => backend.stop());

  it.each([
    [
      { kind: 'evacuate-cell', cellId: 'nowhere', tenantIds: [] },
      'request.cellId: cell nowhere does not exist',
    ],
    [
      { kind: 'tenants', tenantIds: ['ghost'], targetLocationId: 'eu-west-1' },
      'request.tenantIds.0: tenant ghost does not exist',
    ],
  ])('plans %j and fails with the backend reason', async (values, message) => {
    const res = await dryRun(backend.server, { template: template(), values });
    expect(dryRunMessages(res)).toContain(message);
    expect(res.status).toBe(400);
  });
});
