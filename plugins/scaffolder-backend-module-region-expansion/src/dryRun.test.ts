import fs from 'node:fs';
import path from 'node:path';
import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import yaml from 'yaml';
import { dryRun, dryRunMessages } from './__testUtils__/scaffolderDryRun';
import { startScaffolder } from './__testUtils__/regionExpansionBackend';

jest.setTimeout(120_000);

const TEMPLATE_DIR = path.resolve(
  __dirname,
  '../templates/regional-application-plane',
);

function directoryContents(
  root: string,
  dir = root,
): Array<{ path: string; base64Content: string }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory()
      ? directoryContents(root, full)
      : [
          {
            path: path.relative(root, full),
            base64Content: fs.readFileSync(full).toString('base64'),
          },
        ];
  });
}

describe('template regional-application-plane through the dry-run endpoint', () => {
  it('runs every step and registers nothing', async () => {
    const backend = await startScaffolder({
      outputDirectory: '/nonexistent/should-not-be-written',
    });
    const server = backend.server;
    try {
      const template = yaml.parse(
        fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'),
      );
      const auth = { Authorization: mockCredentials.user.header() };
      const res = await dryRun(server, {
        template,
        values: {
          name: 'payments-de',
          targetLocation: 'eu-central-1',
          residencyCountries: ['DE'],
          classification: 'confidential',
          industry: 'financial-services',
          controlPlaneMode: 'regional',
          isolationModel: 'pool',
          encryptionTier: 'customer-managed-kms-key',
          cellIsolation: 'pooled',
          cellTenants: 50,
          cellLoadUnits: 1000,
          lambdaConcurrencyPerCell: 1000,
          cellCount: 2,
          accountIds: ['111122223333', '444455556666'],
        },
        directoryContents: directoryContents(TEMPLATE_DIR),
      });
      const messages = dryRunMessages(res);
      expect({ status: res.status, messages }).toMatchObject({ status: 200 });
      const steps = [
        'fetch',
        'assess',
        'plan',
        'render',
        'guardrails',
        'register',
        'publish',
      ];
      expect(res.body.steps.map((s: any) => s.id)).toEqual(steps);
      const completed = (res.body.log as any[])
        .filter(l => l.body?.status === 'completed')
        .map(l => l.body.stepId);
      expect(completed).toEqual(steps);
      expect(messages).toContain(
        'Dry run: would register control plane payments-de-cp (regional) and 2 cells',
      );
      const files = (res.body.directoryContents as any[])
        .map(f => f.path)
        .sort();
      expect(files).toEqual(
        expect.arrayContaining([
          'catalog-info.yaml',
          'lib/cell-stack.ts',
          'bin/app.ts',
          'guardrails/scp.json',
          'guardrails/ou.json',
        ]),
      );
      const catalogInfo = (res.body.directoryContents as any[]).find(
        f => f.path === 'catalog-info.yaml',
      );
      expect(
        Buffer.from(catalogInfo.base64Content, 'base64').toString(),
      ).toContain('region-expansion.io/deployments: eu-central-1');
      expect(res.body.output.links).toEqual([
        { title: 'Region plan', url: '/region-expansion/regions/eu-central-1' },
      ]);

      // nothing registered, nothing published
      const cells = await request(server)
        .get('/api/region-expansion/cells')
        .set(auth);
      expect(cells.body.items).toEqual([]);
      const planes = await request(server)
        .get('/api/region-expansion/control-planes')
        .set(auth);
      expect(planes.body.items).toEqual([]);
      expect(fs.existsSync('/nonexistent/should-not-be-written')).toBe(false);
    } finally {
      await backend.stop();
    }
  });
});
