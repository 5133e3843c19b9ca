import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { writeWorkspaceTrail } from '../__testUtils__/workspaceTrail';
import { mockContext } from '../__testUtils__/regionExpansionBackend';
import {
  assessInfrastructure,
  DEFAULT_MAX_INFLATED_BYTES,
} from '../domain/assessment';
import { createAssessAction } from './assess';

const workspace = createMockDirectory();

const TEMPLATE = {
  Resources: {
    Bucket: { Type: 'AWS::S3::Bucket' },
    Table: { Type: 'AWS::DynamoDB::Table' },
    Fn: { Type: 'AWS::Lambda::Function' },
  },
};
const WITH_GAP = {
  Resources: {
    ...TEMPLATE.Resources,
    Cache: { Type: 'AWS::DAX::Cluster' },
  },
};

describe('region-expansion:assess', () => {
  beforeEach(() => {
    workspace.setContent({
      'infrastructure/app.template.json': JSON.stringify(TEMPLATE),
      'gap/app.template.json': JSON.stringify(WITH_GAP),
    });
  });

  it('outputs level and report for the given paths', async () => {
    const ctx = mockContext({
      workspacePath: workspace.path,
      input: {
        targetLocation: 'eu-central-1',
        paths: ['infrastructure'],
        classification: 'internal',
      },
    });
    await createAssessAction().handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('level', 'pilot');
    const report = (ctx.output as jest.Mock).mock.calls.find(
      c => c[0] === 'report',
    )[1];
    expect(report.target).toBe('eu-central-1');
    expect(report.blockers).toEqual([]);
    expect(report.footprint.services.map((s: any) => s.code).sort()).toEqual([
      'dynamodb',
      'lambda',
      's3',
    ]);
  });

  it('fails on a blocker naming the check, and passes when it is waived', async () => {
    fs.rmSync(path.join(workspace.path, 'infrastructure'), { recursive: true });
    const input = {
      targetLocation: 'eusc-de-east-1',
      residency: { partition: 'aws-eusc' },
    };
    const blocked = mockContext({ workspacePath: workspace.path, input });
    // DAX is not offered in eusc-de-east-1 per the bundled snapshot
    const probe = await createAssessAction()
      .handler(blocked as any)
      .then(
        () => undefined,
        e => e,
      );
    expect(probe.message).toMatch(/^targetLocation: eusc-de-east-1 is blocked/);
    expect(probe.message).toContain('[availability]');
    expect(blocked.output).toHaveBeenCalledWith('level', 'blocked');
    const waived = mockContext({
      workspacePath: workspace.path,
      input: {
        ...input,
        waivers: [
          {
            check: 'availability',
            reason: 'replaced before go-live',
            approver: 'user:default/cgo',
            expiresAt: '2099-01-01T00:00:00Z',
          },
        ],
      },
    });
    await createAssessAction().handler(waived as any);
    expect(waived.output).toHaveBeenCalledWith('level', 'pilot');
  });

  it("reads a wizard's empty residency lists as no requirement", async () => {
    // The template's form sends `countries: []` when none is chosen.
    const ctx = mockContext({
      workspacePath: workspace.path,
      input: {
        targetLocation: 'eu-central-1',
        paths: ['infrastructure'],
        residency: { countries: [], jurisdictions: [] },
      },
    });
    await createAssessAction().handler(ctx as any);
    expect(ctx.output).toHaveBeenCalledWith('level', 'pilot');

    // A list left empty beside a stated dimension still keeps that dimension.
    const partitionOnly = mockContext({
      workspacePath: workspace.path,
      input: {
        targetLocation: 'eu-central-1',
        paths: ['infrastructure'],
        residency: { countries: [], partition: 'aws-eusc' },
      },
    });
    await expect(
      createAssessAction().handler(partitionOnly as any),
    ).rejects.toThrow(/\[sovereignty\]/);
  });

  it('rejects an unknown location naming targetLocation', async () => {
    const ctx = mockContext({
      workspacePath: workspace.path,
      input: { targetLocation: 'mars-north-1' },
    });
    await expect(createAssessAction().handler(ctx as any)).rejects.toThrow(
      /^targetLocation: unknown location 'mars-north-1'/,
    );
  });

  describe('reads nothing outside the workspace', () => {
    const SECRET = 'root:x:0:0:s3cr3t-hash';
    let outside: string;
    beforeEach(() => {
      outside = fs.mkdtempSync(path.join(os.tmpdir(), 'assess-outside-'));
      fs.writeFileSync(path.join(outside, 'passwd'), `${SECRET}\n`);
      fs.writeFileSync(
        path.join(outside, 'stack.template.json'),
        JSON.stringify(TEMPLATE),
      );
    });
    afterEach(() => fs.rmSync(outside, { recursive: true, force: true }));

    const stack = (templateFile: string) =>
      JSON.stringify({
        version: '36.0.0',
        artifacts: {
          S: {
            type: 'aws:cloudformation:stack',
            properties: { templateFile },
          },
        },
      });

    async function failure(paths: string[]) {
      const ctx = mockContext({
        workspacePath: workspace.path,
        input: { targetLocation: 'eu-central-1', paths },
      });
      const error = await createAssessAction()
        .handler(ctx as any)
        .then(
          () => undefined,
          e => e,
        );
      const logged = JSON.stringify((ctx.logger as any).info?.mock?.calls);
      return { error, logged, ctx };
    }

    it.each([
      [
        'a cdk.out templateFile of ../../etc/passwd',
        () =>
          workspace.addContent({
            'cdk.out/manifest.json': stack('../../etc/passwd'),
          }),
        ['cdk.out'],
        /^paths: \.\/cdk\.out\/manifest\.json: field artifacts\.S\.properties\.templateFile: points outside the cloud assembly/,
      ],
      [
        'a cdk.out template that is a link out of the workspace',
        () => {
          workspace.addContent({ 'cdk.out/manifest.json': stack('S.json') });
          fs.symlinkSync(
            path.join(outside, 'passwd'),
            path.join(workspace.path, 'cdk.out', 'S.json'),
          );
        },
        ['cdk.out'],
        /^paths: \.\/cdk\.out\/manifest\.json: field artifacts\.S\.properties\.templateFile: points outside the cloud assembly/,
      ],
      [
        'a nested assembly outside the assembly',
        () =>
          workspace.addContent({
            'cdk.out/manifest.json': JSON.stringify({
              version: '36.0.0',
              artifacts: {
                Stage: {
                  type: 'cdk:cloud-assembly',
                  properties: { directoryName: '../../..' },
                },
              },
            }),
          }),
        ['cdk.out'],
        /^paths: \.\/cdk\.out\/manifest\.json: field artifacts\.Stage\.properties\.directoryName: points outside the cloud assembly/,
      ],
      [
        'a nested stack asset outside the assembly',
        () =>
          workspace.addContent({
            'cdk.out/manifest.json': stack('S.template.json'),
            'cdk.out/S.template.json': JSON.stringify({
              Resources: {
                N: {
                  Type: 'AWS::CloudFormation::Stack',
                  Metadata: { 'aws:asset:path': '../../../etc/x.json' },
                },
              },
            }),
          }),
        ['cdk.out'],
        /^paths: \.\/cdk\.out\/S\.template\.json: field Resources\.N\.Metadata\.aws:asset:path: points outside the cloud assembly/,
      ],
      [
        'a workspace folder that is a link out of it',
        () => fs.symlinkSync(outside, path.join(workspace.path, 'linked')),
        ['linked'],
        /^paths\.0: 'linked' points outside the workspace/,
      ],
      [
        'a template in a folder that links out of the workspace',
        () =>
          fs.symlinkSync(
            path.join(outside, 'stack.template.json'),
            path.join(workspace.path, 'infrastructure', 'linked.template.json'),
          ),
        ['infrastructure'],
        /^paths: \.\/infrastructure\/linked\.template\.json: points outside the workspace/,
      ],
      [
        'a template whose parse error would quote it',
        () =>
          workspace.addContent({
            'broken/app.template.json': `{"Resources": ${SECRET}}`,
          }),
        ['broken/app.template.json'],
        /^paths: \.\/broken\/app\.template\.json: line 1: malformed JSON: unexpected character/,
      ],
    ])(
      '%s: the step fails naming the field, echoing no file contents',
      async (_name, arrange, paths, message) => {
        arrange();
        const { error, logged, ctx } = await failure(paths);
        expect(error?.name).toBe('InputError');
        expect(error.message).toMatch(message);
        expect(error.message).not.toContain('s3cr3t');
        expect(logged ?? '').not.toContain('s3cr3t');
        expect(ctx.output).not.toHaveBeenCalled();
      },
    );
  });

  it.each([
    [
      { residency: { partition: 'aws-mars' } },
      /^residency\.partition: 'aws-mars' is not a known partition \(aws, /,
    ],
    [
      { homeCountry: 'Germany' },
      /^homeCountry: must be an ISO 3166-1 alpha-2 country code/,
    ],
    [
      { paths: ['empty'] },
      /^paths: \.\/empty: no CloudFormation template or Terraform plan JSON in this folder/,
    ],
  ])('refuses %j naming the field', async (input, message) => {
    fs.mkdirSync(path.join(workspace.path, 'empty'), { recursive: true });
    fs.writeFileSync(path.join(workspace.path, 'empty', 'notes.txt'), 'hi');
    await expect(
      createAssessAction().handler(
        mockContext({
          workspacePath: workspace.path,
          input: { targetLocation: 'eu-central-1', ...input },
        }) as any,
      ),
    ).rejects.toThrow(message);
  });

  it('stops inflating a CloudTrail log in the workspace at the action’s cap', async () => {
    writeWorkspaceTrail(workspace.path, 3, 'low');
    await expect(
      assessInfrastructure({
        root: workspace.path,
        paths: ['trail'],
        targetLocation: 'eu-central-1',
        maxInflatedBytes: 1024 * 1024,
      }),
    ).rejects.toThrow(
      /^paths: \.\/trail\/AWSLogs\/t\.json\.gz: decompressed size exceeds the 1048576-byte limit/,
    );
    expect(DEFAULT_MAX_INFLATED_BYTES).toBe(16 * 1024 * 1024);
  });

  it('refuses a gzip bomb in the workspace by its compression ratio, under the size cap', async () => {
    writeWorkspaceTrail(workspace.path, 17, 'bomb');
    await expect(
      assessInfrastructure({
        root: workspace.path,
        paths: ['trail'],
        targetLocation: 'eu-central-1',
        maxInflatedBytes: 32 * 1024 * 1024,
      }),
    ).rejects.toThrow(
      /^paths: \.\/trail\/AWSLogs\/t\.json\.gz: compression ratio over 200:1 after \d+ decompressed bytes/,
    );
  });

  it('refuses a file inflating past 16 MiB by default, naming the setting that raises it', async () => {
    writeWorkspaceTrail(workspace.path, 17, 'low');
    const run = (action: ReturnType<typeof createAssessAction>) => {
      const ctx = mockContext({
        workspacePath: workspace.path,
        input: { targetLocation: 'eu-central-1', paths: ['trail'] },
      });
      return action.handler(ctx as any).then(() => ctx);
    };
    await expect(run(createAssessAction())).rejects.toThrow(
      /^paths: \.\/trail\/AWSLogs\/t\.json\.gz: decompressed size exceeds the 16777216-byte limit; .*regionExpansion\.scaffolder\.assess\.maxInflatedBytes/,
    );
    const ctx = await run(
      createAssessAction({ maxInflatedBytes: 32 * 1024 * 1024 }),
    );
    expect(ctx.output).toHaveBeenCalledWith('level', expect.any(String));
  });

  it.each([
    ['root', { root: '/', paths: ['etc'] }, /^paths\.0: 'etc' does not exist/],
    [
      'maxInflatedBytes',
      { maxInflatedBytes: 1e12, paths: ['trail'] },
      /^paths: .*exceeds the 16777216-byte limit/,
    ],
  ])(
    'takes no %s from the step input, only from the workspace and configuration',
    async (_, input, message) => {
      writeWorkspaceTrail(workspace.path, 17, 'low');
      const ctx = mockContext({
        workspacePath: workspace.path,
        input: { targetLocation: 'eu-central-1', ...input },
      });
      await expect(createAssessAction().handler(ctx as any)).rejects.toThrow(
        message,
      );
    },
  );

  it('rejects paths outside the workspace and bad residency naming the field', async () => {
    await expect(
      createAssessAction().handler(
        mockContext({
          workspacePath: workspace.path,
          input: { targetLocation: 'eu-central-1', paths: ['../../etc'] },
        }) as any,
      ),
    ).rejects.toThrow(/^paths\.0: /);
    await expect(
      createAssessAction().handler(
        mockContext({
          workspacePath: workspace.path,
          input: {
            targetLocation: 'eu-central-1',
            residency: { countries: ['XX'] },
          },
        }) as any,
      ),
    ).rejects.toThrow(/^residency\.countries\.0: /);
  });
});
