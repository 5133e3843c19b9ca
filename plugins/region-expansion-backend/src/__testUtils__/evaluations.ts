import {
  ReadinessEvaluation,
  ReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';
import { evaluateReadiness } from '@region-expansion/plugin-region-expansion-node';
import { allPassSignals } from '@region-expansion/plugin-region-expansion-node/testUtils';

/** Signals that make each level: an unknown audit keeps a location at pilot. */
const SIGNALS_BY_LEVEL = {
  ready: allPassSignals,
  pilot: { ...allPassSignals, audit: undefined },
  blocked: {
    ...allPassSignals,
    availability: {
      status: 'fail' as const,
      detail: 'bedrock missing',
      blockers: ['bedrock is not offered'],
    },
  },
};

/**
 * A real evaluation of `locationId` at `level`, made by the domain function
 * at `now`; `blocked` is blocked by availability.
 */
export function evaluationAt(
  locationId: string,
  level: ReadinessLevel,
  now: Date,
): ReadinessEvaluation {
  const evaluation = evaluateReadiness({
    locationId,
    signals: SIGNALS_BY_LEVEL[level],
    now,
  });
  expect(evaluation.level).toBe(level);
  return evaluation;
}
