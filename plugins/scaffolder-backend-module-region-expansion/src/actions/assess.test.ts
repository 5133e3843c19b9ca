import fs from 'node:fs';
import path from 'node:path';
import { createMockDirectory } from '@backstage/backend-test-utils';
import { mockContext } from '../__testUtils__/regionExpansionBackend';
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
