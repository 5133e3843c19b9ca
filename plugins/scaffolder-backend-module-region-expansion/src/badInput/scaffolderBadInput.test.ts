import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { DiscoveryService } from '@backstage/backend-plugin-api';
import { mockCredentials, mockServices } from '@backstage/backend-test-utils';
import {
  casesByCategory,
  measureRun,
  recordOverTimeBudget,
  writeCorpusFigures,
} from '@region-expansion/plugin-region-expansion-node/testUtils';
import request from 'supertest';
import {
  createAssessAction,
  createPlanCellsAction,
  createPublishLocalAction,
  createRegisterAction,
  createRenderApplicationPlaneAction,
  createRenderGuardrailsAction,
} from '../actions';
import {
  mockContext,
  startScaffolder,
} from '../__testUtils__/regionExpansionBackend';
import { dryRun, templateOf } from '../__testUtils__/scaffolderDryRun';
import {
  ActionName,
  HandlerCase,
  handlerCases,
  VALID_INPUTS,
} from './__testUtils__/handlerCases';
import { Sandbox } from './__testUtils__/sandbox';

/**
 * The scaffolder half of the bad-input corpus (docs/reliability.md).
 *
 * - Handler cases: each action's handler, with `createMockActionContext`,
 *   on values of the right type that are wrong (unknown locations, path
 *   traversal in paths and output names, contents that are not templates,
 *   huge counts). Each must throw an InputError-like error (a 4xx:
 *   InputError, ConflictError) naming the field, write nothing anywhere
 *   (workspace, output directory, the folder beside the workspace), and
 *   finish within its budget.
 * - Runner cases: wrong types, unknown fields and missing required inputs
 *   of every action, generated from the action's input schema, through the
 *   real scaffolder's dry-run endpoint: the step must fail naming the
 *   field.
 *
 * Figures: `CI=true yarn backstage-cli package test src/badInput` in this
 * package prints them and writes `scaffolder.json` to
 * `$BAD_INPUT_REPORT_DIR` (default `<tmp>/region-expansion-bad-input`).
 */
jest.setTimeout(60_000);

const CASE_MS = 5_000;
const INPUT_ERRORS = ['InputError', 'ConflictError'];

const escapeRegExp = (text: string) =>
  text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `field: reason` (a deeper path may follow the field), or jsonschema's `instance.field`. */
const namesField = (message: string, fields: string[]) =>
  fields.some(f =>
    new RegExp(
      `(?:^|[\\s;,.\\[(])${escapeRegExp(
        f,
      )}(?:[.\\[][^\\s:]*)?:\\s*\\S{2,}|instance\\.${escapeRegExp(
        f,
      )}\\b|"${escapeRegExp(f)}"`,
    ).test(message),
  );

interface Figures {
  name: string;
  category: string;
  part: 'handler' | 'runner';
  outcome: string;
  ms: number;
  heapGrowthMb?: number;
  problems: string[];
  overTimeBudget?: string[];
}

const sandbox = new Sandbox();
const figures: Figures[] = [];
const cases = handlerCases();
let backend: Awaited<ReturnType<typeof startScaffolder>>;

const WRONG_TYPES: unknown[] = [
  'forty-two',
  42,
  true,
  ['forty-two'],
  { forty: 'two' },
];
type JsonSchema = {
  type?: string;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
};
const jsonType = (v: unknown) => (Array.isArray(v) ? 'array' : typeof v);
function wrongTypeFor(schema: JsonSchema): unknown {
  const accepted = schema.type === 'integer' ? 'number' : schema.type;
  return WRONG_TYPES.find(v => jsonType(v) !== accepted);
}

// Built before the backend exists: discovery is only read when run.
const discovery: DiscoveryService = {
  getBaseUrl: async id => `http://localhost:${backend.server.port()}/api/${id}`,
  getExternalBaseUrl: async id =>
    `http://localhost:${backend.server.port()}/api/${id}`,
};
const actionOf = (name: ActionName) => {
  switch (name) {
    case 'assess':
      return createAssessAction();
    case 'plan-cells':
      return createPlanCellsAction();
    case 'render-application-plane':
      return createRenderApplicationPlaneAction();
    case 'render-guardrails':
      return createRenderGuardrailsAction();
    case 'register':
      return createRegisterAction({ discovery, auth: mockServices.auth() });
    default:
      return createPublishLocalAction({ outputDirectory: sandbox.output });
  }
};

/** Runner cases: generated from each action's input schema. */
function runnerCases() {
  const out: Array<{
    name: string;
    category: string;
    action: ActionName;
    input: Record<string, unknown>;
    fields: string[];
  }> = [];
  for (const name of Object.keys(VALID_INPUTS) as ActionName[]) {
    const schema = (actionOf(name).schema?.input ?? {}) as JsonSchema;
    const valid = JSON.parse(JSON.stringify(VALID_INPUTS[name]));
    for (const [prop, propSchema] of Object.entries(schema.properties ?? {})) {
      out.push({
        name: `${name} wrong-type: ${prop} = ${JSON.stringify(
          wrongTypeFor(propSchema),
        )}`,
        category: 'wrong-type',
        action: name,
        input: { ...valid, [prop]: wrongTypeFor(propSchema) },
        fields: [prop],
      });
    }
    for (const prop of schema.required ?? []) {
      const { [prop]: _dropped, ...rest } = valid;
      out.push({
        name: `${name} missing: ${prop}`,
        category: 'missing',
        action: name,
        input: rest,
        fields: [prop],
      });
    }
    out.push({
      name: `${name} unknown-field: bogusField`,
      category: 'unknown-field',
      action: name,
      input: { ...valid, bogusField: 1 },
      fields: ['bogusField'],
    });
  }
  return out;
}

const generated = runnerCases();

async function storedPlan() {
  const auth = { Authorization: mockCredentials.user.header() };
  const [cells, planes] = await Promise.all([
    request(backend.server).get('/api/region-expansion/cells').set(auth),
    request(backend.server)
      .get('/api/region-expansion/control-planes')
      .set(auth),
  ]);
  return { cells: cells.body.items, controlPlanes: planes.body.items };
}

describe('scaffolder actions bad-input corpus', () => {
  beforeAll(async () => {
    sandbox.create();
    backend = await startScaffolder({ outputDirectory: sandbox.output });
  }, 120_000);

  afterAll(async () => {
    writeFigures();
    await backend?.stop();
    sandbox.remove();
  });

  it('covers every action, with unique case names', () => {
    const actions = new Set([
      ...cases.map(c => c.action),
      ...generated.map(c => c.action),
    ]);
    expect([...actions].sort()).toEqual(Object.keys(VALID_INPUTS).sort());
    const names = [...cases, ...generated].map(c => c.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(Object.keys(VALID_INPUTS).map(a => [a]))(
    'the valid input of %s passes, so each case fails on its one bad value only',
    async action => {
      // register and publish-local write: checked as a dry run, which
      // validates the same way.
      const ctx = mockContext({
        workspacePath: sandbox.workspace,
        input: VALID_INPUTS[action as ActionName],
        isDryRun: action === 'register' || action === 'publish-local',
      });
      await actionOf(action as ActionName).handler(ctx as any);
      expect(ctx.output).toHaveBeenCalled();
      // Rendered files of the valid runs are not part of any case.
      for (const dir of ['lib', 'bin', 'guardrails']) {
        fs.rmSync(path.join(sandbox.workspace, dir), {
          recursive: true,
          force: true,
        });
      }
      for (const file of [
        'package.json',
        'cdk.json',
        'tsconfig.json',
        'README.md',
      ]) {
        fs.rmSync(path.join(sandbox.workspace, file), { force: true });
      }
    },
  );

  it.each(cases.map(c => [c.name, c] as const))('%s', async (_, c) => {
    const result = await runHandlerCase(c);
    figures.push(result);
    expect(result.problems).toEqual([]);
  });

  it.each(generated.map(c => [`${c.name} (runner)`, c] as const))(
    '%s',
    async (name, c) => {
      const started = performance.now();
      const before = sandbox.snapshot();
      const res = await dryRun(backend.server, {
        template: templateOf('bad-input', [
          {
            id: 'step',
            name: 'step',
            action: `region-expansion:${c.action}`,
            input: c.input,
          },
        ]),
      });
      const ms = performance.now() - started;
      const log: Array<{ body?: { status?: string; message?: string } }> =
        res.body.log ?? [];
      const failed = log.find(l => l.body?.status === 'failed');
      const message = log
        .map(l => l.body?.message ?? '')
        .filter(m => /invalid|error|must|required|not allowed/i.test(m))
        .join(' | ');
      const problems: string[] = [];
      if (res.status >= 500) problems.push(`dry run answered ${res.status}`);
      if (!failed && res.status < 400) {
        problems.push(`the step did not fail: ${message.slice(0, 300)}`);
      } else if (
        !namesField(`${message} ${res.body?.error?.message ?? ''}`, c.fields)
      ) {
        problems.push(
          `the failure does not name ${c.fields.join(' or ')}: ${(
            message ||
            res.body?.error?.message ||
            ''
          ).slice(0, 300)}`,
        );
      }
      const changes = Sandbox.changes(before, sandbox.snapshot());
      if (changes.length) {
        problems.push(`wrote ${changes.join(', ')}`);
        sandbox.reset();
      }
      const result: Figures = {
        name,
        category: c.category,
        part: 'runner',
        outcome: message.slice(0, 160),
        ms,
        problems,
      };
      if (ms > CASE_MS) {
        recordOverTimeBudget(
          result,
          `took ${Math.round(ms)} ms, over ${CASE_MS} ms`,
        );
      }
      figures.push(result);
      expect(problems).toEqual([]);
    },
  );
});

async function runHandlerCase(c: HandlerCase): Promise<Figures> {
  const before = sandbox.snapshot();
  const storedBefore = c.action === 'register' ? await storedPlan() : undefined;
  const ctx = mockContext({
    workspacePath: sandbox.workspace,
    // Deliberately wrong values: typed as the context wants them.
    input: c.input as Parameters<typeof mockContext>[0]['input'],
  });
  const run = await measureRun(() => actionOf(c.action).handler(ctx as any));
  const error = run.ok ? undefined : (run.error as Error);
  const ms = run.ms;
  const problems: string[] = [];
  const outputs = (ctx.output as jest.Mock).mock.calls;
  const outputBytes = JSON.stringify(outputs).length;
  const boundedSuccess =
    !error && c.boundedOk !== undefined && outputBytes <= c.boundedOk.maxBytes;
  if (!error && !boundedSuccess) {
    problems.push(
      c.boundedOk
        ? `succeeded with ${outputBytes} bytes of output, over ${c.boundedOk.maxBytes}`
        : 'the step succeeded',
    );
  }
  if (error) {
    if (!INPUT_ERRORS.includes(error.name)) {
      problems.push(
        `threw ${
          error.name
        }, not an InputError-like error: ${error.message.slice(0, 200)}`,
      );
    }
    if (!namesField(error.message, c.fields)) {
      problems.push(
        `message does not name ${c.fields
          .map(f => `'${f}: <reason>'`)
          .join(' or ')}: ${error.message.slice(0, 200)}`,
      );
    } else if (c.reason && !c.reason.test(error.message)) {
      problems.push(
        `message does not give the reason ${c.reason}: ${error.message.slice(
          0,
          200,
        )}`,
      );
    }
  }
  const changes = Sandbox.changes(before, sandbox.snapshot());
  const outside = changes.filter(p => !p.slice(1).startsWith('workspace'));
  const inside = changes.filter(p => p.slice(1).startsWith('workspace'));
  if (outside.length) {
    problems.push(`wrote outside the workspace: ${outside.join(', ')}`);
  }
  if (inside.length && error) {
    problems.push(`a failed step left ${inside.join(', ')}`);
  }
  if (storedBefore) {
    const storedAfter = await storedPlan();
    if (JSON.stringify(storedAfter) !== JSON.stringify(storedBefore)) {
      problems.push('registered something in the region-expansion backend');
    }
  }
  // Whatever a case changed must not leak into the next one.
  if (changes.length) sandbox.reset();
  const result: Figures = {
    name: c.name,
    category: c.category,
    part: 'handler',
    outcome: error
      ? `${error.name}: ${error.message.slice(0, 160)}`
      : 'succeeded',
    ms,
    heapGrowthMb: run.heapGrowthMb,
    problems,
  };
  if (ms > CASE_MS) {
    recordOverTimeBudget(
      result,
      `took ${Math.round(ms)} ms, over ${CASE_MS} ms`,
    );
  }
  return result;
}

function writeFigures() {
  const slowest = [...figures].sort((a, b) => b.ms - a.ms)[0];
  writeCorpusFigures(
    'scaffolder',
    {
      surface: 'scaffolder',
      cases: figures.length,
      handlerCases: figures.filter(f => f.part === 'handler').length,
      runnerCases: figures.filter(f => f.part === 'runner').length,
      failing: figures.filter(f => f.problems.length).length,
      byCategory: casesByCategory(figures),
      slowest: slowest && { name: slowest.name, ms: Math.round(slowest.ms) },
      worstHeapGrowthMb: Math.round(
        Math.max(0, ...figures.map(f => f.heapGrowthMb ?? 0)),
      ),
    },
    figures,
  );
}
