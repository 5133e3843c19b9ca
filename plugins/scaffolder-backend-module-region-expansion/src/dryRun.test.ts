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

/** The wizard's answers: confidential data in a bridge design, as advised. */
const VALUES = {
  name: 'payments-de',
  targetLocation: 'eu-central-1',
  residencyCountries: ['DE'],
  classification: 'confidential',
  industry: 'financial-services',
  controlPlaneMode: 'regional',
  isolationModel: 'bridge',
  encryptionTier: 'customer-managed-kms-key',
  cellIsolation: 'pooled',
  cellTenants: 50,
  cellLoadUnits: 1000,
  lambdaConcurrencyPerCell: 1000,
  cellCount: 2,
  accountIds: ['111122223333', '444455556666'],
};

const template = () =>
  yaml.parse(fs.readFileSync(path.join(TEMPLATE_DIR, 'template.yaml'), 'utf8'));

/** A file of a dry run's answer, as text. */
function fileOf(res: { body: any }, name: string): string {
  const file = (res.body.directoryContents as any[]).find(f => f.path === name);
  return Buffer.from(file.base64Content, 'base64').toString();
}

/** What the dry-run endpoint answers when a step refuses its input. */
const DRY_RUN_FAILED = 400;

/** Restricted data in a pooled cell with AWS managed keys. */
const WEAKER = {
  ...VALUES,
  classification: 'restricted',
  isolationModel: 'pool',
  encryptionTier: 'aws-managed-key',
};

describe('template regional-application-plane: design weaker than advised', () => {
  let backend: Awaited<ReturnType<typeof startScaffolder>>;
  beforeAll(async () => {
    backend = await startScaffolder({});
  });
  afterAll(() => backend.stop());
  const run = (values: object) =>
    dryRun(backend.server, {
      template: template(),
      values,
      directoryContents: directoryContents(TEMPLATE_DIR),
    });

  it('fails the render step naming isolationModel and the rule, in a dry run', async () => {
    const res = await run(WEAKER);
    const messages = dryRunMessages(res);
    expect(messages).toMatch(
      /isolationModel: pool is weaker than the silo that rule classification-restricted requires in eu-central-1: restricted data suggests silo isolation; choose silo or stronger \(or give designExceptionJustification to record an exception\); encryptionTier: aws-managed-key is weaker than the cloudhsm/,
    );
    // The dry run fails as a whole: nothing is rendered or answered.
    expect([res.status, res.body.directoryContents]).toEqual([
      DRY_RUN_FAILED,
      undefined,
    ]);
  });

  it('records a justified exception in the entity and the output', async () => {
    const justification =
      'pilot with synthetic data only until the CloudHSM cluster is ordered';
    const res = await run({
      ...WEAKER,
      designExceptionJustification: justification,
    });
    expect({ status: res.status, messages: dryRunMessages(res) }).toMatchObject(
      {
        status: 200,
      },
    );
    const entity = yaml.parse(fileOf(res, 'catalog-info.yaml'));
    const recorded = JSON.parse(
      entity.metadata.annotations['region-expansion.io/design-exceptions'],
    );
    expect(
      recorded.map((e: any) => [
        e.field,
        e.chosen,
        e.required,
        e.rule,
        e.acceptedBy,
        e.justification,
      ]),
    ).toEqual([
      [
        'isolation',
        'pool',
        'silo',
        'classification-restricted',
        'user:default/mock',
        justification,
      ],
      [
        'encryption',
        'aws-managed-key',
        'cloudhsm',
        'classification-restricted',
        'user:default/mock',
        justification,
      ],
    ]);
    expect(recorded[0].acceptedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(entity.metadata.annotations['region-expansion.io/deployments']).toBe(
      'eu-central-1',
    );
    expect(res.body.output.text[0].content).toContain(
      'Design exceptions accepted: 2',
    );
    expect(dryRunMessages(res)).toContain(
      'Design exception recorded in catalog-info.yaml: isolation pool instead of silo (rule classification-restricted), accepted by user:default/mock',
    );
  });
});

describe('template regional-application-plane through the dry-run endpoint', () => {
  it('runs every step and registers nothing', async () => {
    const backend = await startScaffolder({
      outputDirectory: '/nonexistent/should-not-be-written',
    });
    const server = backend.server;
    try {
      const auth = { Authorization: mockCredentials.user.header() };
      const res = await dryRun(server, {
        template: template(),
        values: VALUES,
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
      const catalogInfo = fileOf(res, 'catalog-info.yaml');
      expect(catalogInfo).toContain(
        'region-expansion.io/deployments: eu-central-1',
      );
      // A design that follows the advice records no exception.
      expect(catalogInfo).not.toContain('design-exceptions');
      expect(res.body.output.text[0].content).toContain(
        'Design exceptions accepted: 0',
      );
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
