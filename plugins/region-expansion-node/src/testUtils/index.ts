/**
 * Test fixtures for packages that read input through the node library, and
 * the figures every bad-input corpus records.
 *
 * @packageDocumentation
 */
export { aliasedTemplate } from './aliasedTemplate';
export { allPassSignals, passSignal } from './allPassSignals';
export { binaryJunk } from './binaryJunk';
export { cellFixture } from './cellFixture';
export { cloudTrailGzip } from './cloudTrailGzip';
export { controlPlaneFixture } from './controlPlaneFixture';
export {
  casesByCategory,
  measureRun,
  recordOverTimeBudget,
  timeBudgetsEnforced,
  timeBudgetSummary,
  writeCorpusFigures,
  type CorpusCaseFigures,
  type MeasuredRun,
} from './corpusFigures';
export { madeUpActionsPolicy } from './madeUpActionsPolicy';
export { sovereignControlPlaneFixture } from './sovereignControlPlaneFixture';
