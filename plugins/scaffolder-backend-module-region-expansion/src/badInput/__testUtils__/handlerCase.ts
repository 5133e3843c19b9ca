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

/** Paths that leave the workspace, by how. */
export const TRAVERSALS: Array<[string, string]> = [
  ['parent traversal', '../outside'],
  ['absolute path', '/etc'],
  ['symbolic link out of the workspace', 'links/escape'],
];
/** A success bound for valid content built to cost. */
export const BOUNDED = { maxBytes: 1024 * 1024 };

/**
 * A list of cases and the ways the tables add to it: `add` one case
 * (the action's valid input with `change` over it), `cell` the action's
 * first valid cell with `change` over it, `traversals` one case per
 * `TRAVERSALS` path in the action's path `field`.
 */
export function caseList() {
  const cases: HandlerCase[] = [];
  const add = (
    action: ActionName,
    category: string,
    label: string,
    change: Record<string, unknown>,
    fields: string[],
    extra: Partial<HandlerCase> = {},
  ) => {
    cases.push({
      name: `${action} ${category}: ${label}`,
      category,
      action,
      input: { ...VALID_INPUTS[action], ...change },
      fields,
      ...extra,
    });
  };
  const cell = (action: ActionName, change: Record<string, unknown>) => [
    { ...VALID_INPUTS[action].cells[0], ...change },
  ];
  const traversals = (action: ActionName, field: string) => {
    for (const [label, p] of TRAVERSALS) {
      add(action, 'path-traversal', `${field}: ${label}`, { [field]: p }, [
        field,
      ]);
    }
  };
  return { cases, add, cell, traversals };
}
