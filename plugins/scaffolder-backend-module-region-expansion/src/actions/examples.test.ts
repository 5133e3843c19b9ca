import { createMockDirectory } from '@backstage/backend-test-utils';
import {
  exampleInput,
  mockContext,
  startRegionExpansionBackend,
} from '../__testUtils__/regionExpansionBackend';
import { createAssessAction } from './assess';
import { examples as assessExamples } from './assess.examples';
import { createPlanCellsAction } from './planCells';
import { examples as planCellsExamples } from './planCells.examples';
import { createPublishLocalAction } from './publishLocal';
import { examples as publishExamples } from './publishLocal.examples';
import { createRegisterAction } from './register';
import { examples as registerExamples } from './register.examples';
import { createRenderApplicationPlaneAction } from './renderApplicationPlane';
import { examples as renderExamples } from './renderApplicationPlane.examples';
import { createRenderGuardrailsAction } from './renderGuardrails';
import { examples as guardrailsExamples } from './renderGuardrails.examples';

jest.setTimeout(60_000);

const dir = createMockDirectory();

describe('action examples run as written', () => {
  let env: Awaited<ReturnType<typeof startRegionExpansionBackend>>;
  beforeAll(async () => {
    env = await startRegionExpansionBackend();
  });
  afterAll(() => env.backend.stop());
  beforeEach(() =>
    dir.setContent({
      workspace: {
        infrastructure: {
          'app.template.json': JSON.stringify({
            Resources: { B: { Type: 'AWS::S3::Bucket' } },
          }),
        },
        guardrails: { 'scp.json': '{}' },
      },
      out: {},
    }),
  );

  const cases = () => [
    ...assessExamples.map(e => ['assess', e, createAssessAction()] as const),
    ...planCellsExamples.map(
      e => ['plan-cells', e, createPlanCellsAction()] as const,
    ),
    ...renderExamples.map(
      e =>
        [
          'render-application-plane',
          e,
          createRenderApplicationPlaneAction(),
        ] as const,
    ),
    ...guardrailsExamples.map(
      e => ['render-guardrails', e, createRenderGuardrailsAction()] as const,
    ),
    ...registerExamples.map(
      e => ['register', e, createRegisterAction(env)] as const,
    ),
    ...publishExamples.map(
      e =>
        [
          'publish-local',
          e,
          createPublishLocalAction({ outputDirectory: dir.resolve('out') }),
        ] as const,
    ),
  ];

  it('every example of every action succeeds', async () => {
    const all = cases();
    expect(all).toHaveLength(12);
    for (const [id, example, action] of all) {
      const ctx = mockContext({
        workspacePath: dir.resolve('workspace'),
        input: exampleInput(example.example),
      });
      await expect(action.handler(ctx as any)).resolves.toBeUndefined();
      expect(action.id).toBe(`region-expansion:${id}`);
    }
  });
});
