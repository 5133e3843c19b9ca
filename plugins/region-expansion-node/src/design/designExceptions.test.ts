import type { DesignViolation } from '@region-expansion/plugin-region-expansion-common';
import {
  MIN_JUSTIFICATION_LENGTH,
  resolveDesignViolations,
  type ResolveDesignViolationsOptions,
} from './designExceptions';

const violation = (
  field: DesignViolation['field'],
  chosen: string,
  required: string,
): DesignViolation => ({
  field,
  chosen,
  required,
  rule: 'classification-restricted',
  reason: `${chosen} is weaker than the ${required} that rule classification-restricted requires in eu-central-1: restricted data`,
});
const violations = [
  violation('isolation', 'pool', 'silo'),
  violation('encryption', 'aws-managed-key', 'cloudhsm'),
];
const options: ResolveDesignViolationsOptions = {
  allowExceptions: true,
  justificationField: 'designExceptionJustification',
  actor: 'user:default/guest',
  now: '2026-12-06T15:00:00.000Z',
  fieldNames: {
    isolation: 'isolationModel',
    encryption: 'encryptionTier',
    controlPlane: 'controlPlaneMode',
  },
};
const justification =
  'pilot with synthetic data only until the HSM cluster is ordered';

describe('resolveDesignViolations', () => {
  it('records nothing when nothing is violated', () => {
    expect(resolveDesignViolations([], { ...options, justification })).toEqual(
      [],
    );
  });

  it.each([
    [
      'exceptions are not allowed',
      { allowExceptions: false, justification },
      /^isolationModel: pool is weaker than the silo .*; choose silo or stronger; encryptionTier: aws-managed-key is weaker/,
    ],
    [
      'no justification is given',
      { justification: undefined },
      /^isolationModel: .*choose silo or stronger \(or give designExceptionJustification to record an exception\)/,
    ],
    [
      'the justification is blank',
      { justification: '   ' },
      /^isolationModel: /,
    ],
    [
      'the justification is too short',
      { justification: 'because' },
      new RegExp(
        `^designExceptionJustification: must say why .* at least ${MIN_JUSTIFICATION_LENGTH} characters`,
      ),
    ],
    [
      'the justification is too long',
      { justification: 'x'.repeat(1001) },
      /^designExceptionJustification: must be at most 1000 characters/,
    ],
  ])('refuses a weaker design when %s', (_name, override, message) => {
    expect(() =>
      resolveDesignViolations(violations, { ...options, ...override }),
    ).toThrow(message);
  });

  it('records each violation with who, why and when where exceptions are allowed', () => {
    expect(
      resolveDesignViolations(violations, {
        ...options,
        justification: `  ${justification} `,
      }),
    ).toEqual(
      violations.map(v => ({
        ...v,
        acceptedBy: 'user:default/guest',
        justification,
        acceptedAt: '2026-12-06T15:00:00.000Z',
      })),
    );
  });
});
