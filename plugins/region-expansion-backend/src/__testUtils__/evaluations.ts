import {
  ReadinessEvaluation,
  ReadinessLevel,
} from '@region-expansion/plugin-region-expansion-common';
import { evaluateReadiness } from '@region-expansion/plugin-region-expansion-node';

const pass = { status: 'pass' as const, detail: 'ok', blockers: [] };
const allPass = {
  availability: pass,
  sovereignty: pass,
  security: pass,
  resilience: pass,
  audit: pass,
  capacity: pass,
};

/** Signals that make each level: an unknown audit keeps a location at pilot. */
const SIGNALS_BY_LEVEL = {
  ready: allPass,
  pilot: { ...allPass, audit: undefined },
  blocked: {
    ...allPass,
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
