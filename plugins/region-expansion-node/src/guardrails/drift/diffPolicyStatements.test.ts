import {
  diffPolicyStatements,
  isSamePolicy,
  PolicyStatement,
} from './diffPolicyStatements';

const deny: PolicyStatement = {
  Sid: 'DenyOutsideAllowedRegions',
  Effect: 'Deny',
  NotAction: ['iam:*', 'organizations:*', 'sts:*'],
  Resource: '*',
  Condition: {
    StringNotEquals: {
      'aws:RequestedRegion': ['eu-central-1', 'eu-central-2'],
    },
  },
};
const leave: PolicyStatement = {
  Sid: 'DenyLeaveOrganization',
  Effect: 'Deny',
  Action: 'organizations:LeaveOrganization',
  Resource: '*',
};
const doc = (...Statement: PolicyStatement[]) => ({
  Version: '2012-10-17',
  Statement,
});

describe('diffPolicyStatements', () => {
  it.each([
    {
      name: 'identical documents: no drift',
      expected: doc(deny, leave),
      actual: doc(deny, leave),
      diff: { missing: [], extra: [], changed: [] },
    },
    {
      name: 'reordered statements, arrays and keys: no drift',
      expected: doc(deny, leave),
      actual: doc(
        { ...leave, Action: ['organizations:LeaveOrganization'] },
        {
          Condition: {
            StringNotEquals: {
              'aws:RequestedRegion': ['eu-central-2', 'eu-central-1'],
            },
          },
          Resource: ['*'],
          NotAction: ['sts:*', 'iam:*', 'organizations:*'],
          Effect: 'Deny',
          Sid: 'DenyOutsideAllowedRegions',
        },
      ),
      diff: { missing: [], extra: [], changed: [] },
    },
    {
      name: 'a single Statement object reads as a list of one',
      expected: doc(leave),
      actual: { Version: '2012-10-17', Statement: leave },
      diff: { missing: [], extra: [], changed: [] },
    },
    {
      name: 'a rendered statement AWS lacks is missing',
      expected: doc(deny, leave),
      actual: doc(deny),
      diff: { missing: [leave], extra: [], changed: [] },
    },
    {
      name: 'a statement only AWS has is extra',
      expected: doc(deny),
      actual: doc(leave, deny),
      diff: { missing: [], extra: [leave], changed: [] },
    },
    {
      name: 'the same Sid with other content is changed',
      expected: doc(deny),
      actual: doc({ ...deny, NotAction: ['iam:*', 'sts:*'] }),
      diff: {
        missing: [],
        extra: [],
        changed: [
          {
            sid: deny.Sid,
            expected: deny,
            actual: { ...deny, NotAction: ['iam:*', 'sts:*'] },
          },
        ],
      },
    },
    {
      name: 'without a Sid, other content is missing plus extra',
      expected: doc({ ...leave, Sid: undefined }),
      actual: doc({ ...leave, Sid: undefined, Effect: 'Allow' }),
      diff: {
        missing: [{ ...leave, Sid: undefined }],
        extra: [{ ...leave, Sid: undefined, Effect: 'Allow' }],
        changed: [],
      },
    },
    {
      name: 'no document in AWS: every statement is missing',
      expected: doc(deny, leave),
      actual: undefined,
      diff: { missing: [deny, leave], extra: [], changed: [] },
    },
  ])('$name', ({ expected, actual, diff }) => {
    const result = diffPolicyStatements(expected, actual);
    expect(result).toEqual(diff);
    expect(isSamePolicy(result)).toBe(
      !diff.missing.length && !diff.extra.length && !diff.changed.length,
    );
  });
});
