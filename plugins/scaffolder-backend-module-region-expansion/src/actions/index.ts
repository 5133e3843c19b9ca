export { createAssessAction, type AssessActionOptions } from './assess';
export {
  createPlanCellsAction,
  type PlanCellsActionOptions,
} from './planCells';
export {
  createRenderApplicationPlaneAction,
  type RenderApplicationPlaneActionOptions,
} from './renderApplicationPlane';
export {
  createRenderGuardrailsAction,
  type RenderGuardrailsActionOptions,
} from './renderGuardrails';
export { createRegisterAction, type RegisterActionOptions } from './register';
export {
  createPublishLocalAction,
  type PublishLocalActionOptions,
} from './publishLocal';
export { createRunbookPlanAction } from './runbookPlan';
export { createRunbookExecuteAction } from './runbookExecute';
export type { RunbookActionOptions } from './runbookShared';
