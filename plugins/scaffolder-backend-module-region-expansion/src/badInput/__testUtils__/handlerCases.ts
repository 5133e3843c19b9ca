import yaml from 'yaml';
import { examples as assessExamples } from '../../actions/assess.examples';
import { examples as planExamples } from '../../actions/planCells.examples';
import { examples as publishExamples } from '../../actions/publishLocal.examples';
import { examples as registerExamples } from '../../actions/register.examples';
import { examples as renderExamples } from '../../actions/renderApplicationPlane.examples';
import { examples as guardrailsExamples } from '../../actions/renderGuardrails.examples';

/** The actions of the module, by id without the namespace. */
export type ActionName =
  | 'assess'
  | 'plan-cells'
  | 'render-application-plane'
  | 'render-guardrails'
  | 'register'
  | 'publish-local';

/** One bad input to one action's handler, and what must come of it. */
export interface HandlerCase {
  name: string;
  category: string;
  action: ActionName;
  input: Record<string, unknown>;
  /** The thrown error must name one of these as `field: reason`. */
  fields: string[];
  /** …and give this reason. */
  reason?: RegExp;
  /** Valid content built to cost: a success with output this small is fine. */
  boundedOk?: { maxBytes: number };
}

const first = (list: Array<{ example: string }>) =>
  yaml.parse(list[0].example).steps[0].input as Record<string, any>;

/** A valid input of every action (its first example; assess on `infrastructure`). */
export const VALID_INPUTS: Record<ActionName, Record<string, any>> = {
  assess: {
    ...first(assessExamples),
    targetLocation: 'eu-central-1',
    paths: ['infrastructure'],
    residency: undefined,
  },
  'plan-cells': first(planExamples),
  'render-application-plane': first(renderExamples),
  'render-guardrails': first(guardrailsExamples),
  register: first(registerExamples),
  'publish-local': {
    ...first(publishExamples),
    name: 'bad-input',
    sourcePath: 'app',
  },
};

const TRAVERSALS: Array<[string, string]> = [
  ['parent traversal', '../outside'],
  ['absolute path', '/etc'],
  ['symbolic link out of the workspace', 'links/escape'],
];
const BOUNDED = { maxBytes: 1024 * 1024 };

/**
 * Bad inputs of every action that reach its handler (right types, wrong
 * values): unknown locations, path traversal in paths and output names,
 * contents that are not templates, huge counts and malformed ids.
 * Wrong types and unknown fields are the workflow runner's job; the
 * dry-run half of the corpus covers them.
 */
export function handlerCases(): HandlerCase[] {
  const cases: HandlerCase[] = [];
  const add = (
    action: ActionName,
    category: string,
    label: string,
    change: Record<string, unknown>,
    fields: string[],
    extra: Partial<HandlerCase> = {},
  ) =>
    cases.push({
      name: `${action} ${category}: ${label}`,
      category,
      action,
      input: { ...VALID_INPUTS[action], ...change },
      fields,
      ...extra,
    });
  const cell = (action: ActionName, change: Record<string, unknown>) => [
    { ...VALID_INPUTS[action].cells[0], ...change },
  ];

  // ------------------------------------------------ locations and names
  for (const action of [
    'assess',
    'plan-cells',
    'render-application-plane',
    'render-guardrails',
    'register',
  ] as ActionName[]) {
    add(
      action,
      'unknown-location',
      'targetLocation mars-north-1',
      { targetLocation: 'mars-north-1' },
      ['targetLocation'],
      { reason: /unknown location/ },
    );
    add(
      action,
      'path-traversal',
      'targetLocation ../../etc/passwd',
      { targetLocation: '../../etc/passwd' },
      ['targetLocation'],
    );
    add(
      action,
      'huge-count',
      'targetLocation of 10 KB',
      { targetLocation: 'a'.repeat(10 * 1024) },
      ['targetLocation'],
    );
  }
  for (const action of [
    'plan-cells',
    'render-application-plane',
    'render-guardrails',
    'register',
  ] as ActionName[]) {
    add(
      action,
      'malformed-id',
      'name with spaces and capitals',
      { name: 'Payments DE' },
      ['name'],
    );
    add(action, 'path-traversal', 'name ../../etc', { name: '../../etc' }, [
      'name',
    ]);
  }
  for (const action of ['plan-cells', 'register'] as ActionName[]) {
    add(
      action,
      'path-traversal',
      'controlPlaneId ../../etc',
      { controlPlaneId: '../../etc' },
      ['controlPlaneId', 'controlPlane.id'],
    );
    add(
      action,
      'wrong-value',
      "controlPlaneMode 'partition' in a commercial Region",
      { controlPlaneMode: 'partition' },
      ['controlPlaneMode'],
    );
  }

  // -------------------------------------------------------------- assess
  for (const [label, p] of TRAVERSALS) {
    add('assess', 'path-traversal', `paths: ${label}`, { paths: [p] }, [
      'paths.0',
      'paths',
    ]);
  }
  add(
    'assess',
    'path-traversal',
    'paths: symbolic link to a template outside',
    { paths: ['links/leak.template.json'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'not-a-template',
    'paths: plain text',
    { paths: ['bad/notes'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'not-a-template',
    'paths: random bytes',
    { paths: ['bad/junk'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'not-a-template',
    'paths: missing folder',
    { paths: ['no-such-folder'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'symlink',
    'paths: symlink loop',
    { paths: ['bad/loop/a.template.yaml'] },
    ['paths.0', 'paths'],
    { reason: /loop|ELOOP|symbolic|symlink/i },
  );
  add(
    'assess',
    'truncated-gzip',
    'paths: truncated CloudTrail gzip',
    { paths: ['bad/truncated'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'bomb',
    'paths: CloudTrail gzip inflating to 300 MiB',
    { paths: ['bad/bomb'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'deep-nesting',
    'paths: 10,000-deep YAML template',
    { paths: ['bad/deep'] },
    ['paths.0', 'paths'],
  );
  add(
    'assess',
    'deep-nesting',
    'paths: 10,000-deep JSON properties',
    { paths: ['bad/deep-json'] },
    ['paths.0', 'paths'],
    { boundedOk: BOUNDED },
  );
  add(
    'assess',
    'amplification',
    'paths: 12 KB template, 200 arn:aws: strings aliased 2,000 times',
    { paths: ['bad/amplification'] },
    ['paths.0', 'paths'],
    { boundedOk: BOUNDED },
  );
  add(
    'assess',
    'wrong-value',
    'residency country Narnia',
    { residency: { countries: ['Narnia'] } },
    ['residency.countries'],
  );
  add(
    'assess',
    'wrong-value',
    'residency partition aws-mars',
    { residency: { partition: 'aws-mars' } },
    ['residency.partition', 'residency'],
  );
  add(
    'assess',
    'wrong-value',
    'homeCountry Germany',
    { homeCountry: 'Germany' },
    ['homeCountry'],
  );
  add(
    'assess',
    'wrong-value',
    'waiver expiresAt yesterday',
    {
      waivers: [
        {
          check: 'availability',
          reason: 'r',
          approver: 'a',
          expiresAt: 'yesterday',
        },
      ],
    },
    ['waivers.0.expiresAt'],
  );

  // ---------------------------------------------------------- plan-cells
  add(
    'plan-cells',
    'huge-count',
    'name of 49 characters',
    { name: 'a'.repeat(49) },
    ['name'],
  );
  add('plan-cells', 'huge-count', 'cellCount 0', { cellCount: 0 }, [
    'cellCount',
  ]);
  add('plan-cells', 'huge-count', 'cellCount 100', { cellCount: 100 }, [
    'cellCount',
  ]);
  add(
    'plan-cells',
    'huge-count',
    'cellCount 1,000,000,000',
    { cellCount: 1e9 },
    ['cellCount'],
  );
  add('plan-cells', 'huge-count', 'cellCount 1.5', { cellCount: 1.5 }, [
    'cellCount',
  ]);
  add(
    'plan-cells',
    'huge-count',
    'cellCount Infinity',
    { cellCount: Infinity },
    ['cellCount'],
  );
  add('plan-cells', 'wrong-value', 'no accountIds', { accountIds: [] }, [
    'accountIds',
  ]);
  add('plan-cells', 'wrong-value', 'accountIds 123', { accountIds: ['123'] }, [
    'accountIds.0',
  ]);
  add(
    'plan-cells',
    'wrong-value',
    'silo with fewer accounts than cells',
    {
      isolationModel: 'silo',
      cellSpec: {
        ...VALID_INPUTS['plan-cells'].cellSpec,
        isolation: 'dedicated',
        capacity: { tenants: 1, loadUnits: 200, quotas: {} },
      },
      accountIds: ['111122223333'],
    },
    ['accountIds'],
  );
  add(
    'plan-cells',
    'wrong-value',
    'silo model with a pooled spec',
    { isolationModel: 'silo' },
    ['isolationModel', 'cellSpec.isolation', 'cellSpec'],
  );
  add('plan-cells', 'wrong-type', 'cellSpec empty', { cellSpec: {} }, [
    'cellSpec.version',
    'cellSpec',
  ]);
  add(
    'plan-cells',
    'wrong-type',
    'cellSpec.capacity.tenants a word',
    {
      cellSpec: {
        ...VALID_INPUTS['plan-cells'].cellSpec,
        capacity: { tenants: 'ten', loadUnits: 1 },
      },
    },
    ['cellSpec.capacity.tenants', 'cellSpec.capacity'],
  );
  add(
    'plan-cells',
    'wrong-value',
    'cellSpec quotaCode not L-XXXXXXXX',
    {
      cellSpec: {
        ...VALID_INPUTS['plan-cells'].cellSpec,
        serviceQuotas: [
          {
            serviceCode: 'lambda',
            quotaCode: '../x',
            quotaName: 'q',
            perCell: 1,
          },
        ],
      },
    },
    ['cellSpec.serviceQuotas.0.quotaCode', 'cellSpec.serviceQuotas'],
  );
  add(
    'plan-cells',
    'unknown-field',
    'cellSpec with an unknown field',
    { cellSpec: { ...VALID_INPUTS['plan-cells'].cellSpec, colour: 'red' } },
    ['cellSpec', 'cellSpec.colour'],
  );
  add(
    'plan-cells',
    'deep-nesting',
    'cellSpec 10,000 levels deep',
    { cellSpec: deepObject(10_000) },
    ['cellSpec', 'cellSpec.version', 'cellSpec.a'],
  );

  // ------------------------------------------ render-application-plane
  for (const [label, p] of TRAVERSALS) {
    add(
      'render-application-plane',
      'path-traversal',
      `targetPath: ${label}`,
      { targetPath: p },
      ['targetPath'],
    );
  }
  add('render-application-plane', 'wrong-value', 'no cells', { cells: [] }, [
    'cells',
  ]);
  add(
    'render-application-plane',
    'wrong-value',
    'cell in another location',
    { cells: cell('render-application-plane', { locationId: 'us-east-1' }) },
    ['cells.0.locationId', 'cells.0'],
  );
  add(
    'render-application-plane',
    'path-traversal',
    'cell id ../../etc/passwd',
    { cells: cell('render-application-plane', { id: '../../etc/passwd' }) },
    ['cells.0.id', 'cells.0'],
  );
  add(
    'render-application-plane',
    'wrong-value',
    'cell capacity of -1 tenants',
    {
      cells: cell('render-application-plane', {
        capacity: { tenants: -1, loadUnits: 1, quotas: {} },
      }),
    },
    ['cells.0.capacity.tenants', 'cells.0.capacity', 'cells.0'],
  );
  add(
    'render-application-plane',
    'wrong-value',
    'cell account 123',
    { cells: cell('render-application-plane', { accountId: '123' }) },
    ['cells.0.accountId', 'cells.0'],
  );
  add(
    'render-application-plane',
    'wrong-value',
    'residencyCountries Narnia',
    { residencyCountries: ['Narnia'] },
    ['residencyCountries.0', 'residencyCountries'],
  );
  add(
    'render-application-plane',
    'huge-count',
    '1,000 cells',
    {
      cells: Array.from({ length: 1000 }, (_, i) => ({
        ...VALID_INPUTS['render-application-plane'].cells[0],
        id: `payments-de-cell-${i}`,
      })),
    },
    ['cells'],
  );

  // ------------------------------------------------- render-guardrails
  for (const [label, p] of TRAVERSALS) {
    add(
      'render-guardrails',
      'path-traversal',
      `targetPath: ${label}`,
      { targetPath: p },
      ['targetPath'],
    );
  }
  add(
    'render-guardrails',
    'path-traversal',
    'industry ../../etc',
    { industry: '../../etc' },
    ['industry'],
  );
  add(
    'render-guardrails',
    'huge-count',
    'industry of 10 KB',
    { industry: 'a'.repeat(10 * 1024) },
    ['industry'],
  );
  add(
    'render-guardrails',
    'unknown-location',
    'allowedRegions mars-1',
    { allowedRegions: ['mars-1'] },
    ['allowedRegions.0'],
  );
  add(
    'render-guardrails',
    'wrong-value',
    'allowedRegions in another partition',
    { allowedRegions: ['eusc-de-east-1'] },
    ['allowedRegions.0'],
  );
  add(
    'render-guardrails',
    'wrong-value',
    'additionalExemptions not an IAM action',
    { additionalExemptions: ['not an action'] },
    ['additionalExemptions.0'],
  );
  add(
    'render-guardrails',
    'huge-count',
    '5,000 exemptions (SCP over 5,120 characters)',
    {
      additionalExemptions: Array.from(
        { length: 5000 },
        (_, i) => `svc${i}:Action`,
      ),
    },
    ['additionalExemptions'],
  );
  add(
    'render-guardrails',
    'wrong-value',
    'accountIds 123',
    { accountIds: ['123'] },
    ['accountIds.0', 'accountIds'],
  );

  // ------------------------------------------------------------ register
  add('register', 'wrong-value', 'no cells', { cells: [] }, ['cells']);
  add(
    'register',
    'wrong-value',
    'cell of another control plane',
    { cells: cell('register', { controlPlaneId: 'other-cp' }) },
    ['cells.0.controlPlaneId'],
  );
  add(
    'register',
    'wrong-value',
    'cell in another location',
    { cells: cell('register', { locationId: 'us-east-1' }) },
    ['cells.0.locationId'],
  );
  add(
    'register',
    'path-traversal',
    'cell id ../../etc/passwd',
    { cells: cell('register', { id: '../../etc/passwd' }) },
    ['cells.0.id', 'cells.0'],
  );
  add(
    'register',
    'wrong-value',
    'cell account 123',
    { cells: cell('register', { accountId: '123' }) },
    ['cells.0.accountId', 'cells.0'],
  );
  add(
    'register',
    'wrong-value',
    'cell capacity of -1 tenants',
    {
      cells: cell('register', {
        capacity: { tenants: -1, loadUnits: 1, quotas: {} },
      }),
    },
    ['cells.0.capacity.tenants', 'cells.0.capacity', 'cells.0'],
  );

  // ------------------------------------------------------- publish-local
  const names: Array<[string, string]> = [
    ['parent traversal', '../outside'],
    ['absolute path', '/etc'],
    ['dot-dot', '..'],
    ['two segments', 'a/b'],
    ['empty', ''],
    ['hidden', '.ssh'],
    ['NUL byte', 'app\u0000x'],
    ['10 KB', 'a'.repeat(10 * 1024)],
  ];
  for (const [label, n] of names) {
    add('publish-local', 'path-traversal', `name: ${label}`, { name: n }, [
      'name',
    ]);
  }
  add(
    'publish-local',
    'wrong-value',
    "name of another run's output",
    { name: 'taken' },
    ['name'],
  );
  for (const [label, p] of TRAVERSALS) {
    add(
      'publish-local',
      'path-traversal',
      `sourcePath: ${label}`,
      { sourcePath: p },
      ['sourcePath'],
    );
  }
  add(
    'publish-local',
    'symlink',
    'sourcePath holding links out of the workspace',
    { sourcePath: 'links' },
    ['sourcePath'],
  );
  add(
    'publish-local',
    'not-a-template',
    'sourcePath a file',
    { sourcePath: 'app/README.md' },
    ['sourcePath'],
  );
  return cases;
}

function deepObject(depth: number): Record<string, unknown> {
  let value: Record<string, unknown> = { a: 1 };
  for (let i = 1; i < depth; i++) value = { a: value };
  return value;
}
