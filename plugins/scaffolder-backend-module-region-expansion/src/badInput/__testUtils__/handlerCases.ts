import { assessCases } from './assessCases';
import type { HandlerCase } from './handlerCase';
import { planCellsCases } from './planCellsCases';
import { publishLocalCases } from './publishLocalCases';
import { registerCases } from './registerCases';
import { renderCases } from './renderCases';
import { sharedFieldCases } from './sharedFieldCases';

export { VALID_INPUTS, type ActionName, type HandlerCase } from './handlerCase';

/**
 * Bad inputs of every action that reach its handler (right types, wrong
 * values): unknown locations, path traversal in paths and output names,
 * contents that are not templates, huge counts and malformed ids.
 * Wrong types and unknown fields are the workflow runner's job; the
 * dry-run half of the corpus covers them.
 */
export function handlerCases(): HandlerCase[] {
  return [
    ...sharedFieldCases(),
    ...assessCases(),
    ...planCellsCases(),
    ...renderCases(),
    ...registerCases(),
    ...publishLocalCases(),
  ];
}
