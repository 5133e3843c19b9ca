import { classifyAwsError } from './errors';
import {
  GOVERNANCE_REASON_KINDS,
  GOVERNANCE_SOURCE_NAMES,
  governanceReasonSentence,
  reasonKindOfFailure,
} from './reasons';
import { syncTargets } from './runTargets';
import type { GovernanceSyncContext } from './types';

function awsError(name: string, status: number | undefined, message: string) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status },
  });
}

const ROLE_ARN = 'arn:aws:sts::123456789012:assumed-role/GovernanceReader/x';
const NOTHING = { regions: [], scope: 'proves nothing' };
const target = {
  partition: 'aws',
  accountId: '111111111111',
  region: 'eu-west-1',
};

describe('reason kinds of AWS failures', () => {
  it.each([
    [
      awsError(
        'AccessDeniedException',
        403,
        `User: ${ROLE_ARN} is not authorized`,
      ),
      'access-denied',
    ],
    [
      awsError(
        'UnrecognizedClientException',
        400,
        'The security token included in the request is invalid.',
      ),
      'invalid-credentials',
    ],
    [
      awsError(
        'ExpiredTokenException',
        400,
        'The security token included in the request is expired',
      ),
      'invalid-credentials',
    ],
    [
      awsError(
        'InvalidSignatureException',
        403,
        'The request signature we calculated does not match',
      ),
      'invalid-credentials',
    ],
    [
      awsError(
        'InvalidAccessException',
        401,
        'Account 111111111111 is not subscribed to AWS Security Hub',
      ),
      'not-enabled',
    ],
    [awsError('TooManyRequestsException', 429, 'Rate exceeded'), 'throttled'],
    [
      Object.assign(new Error('getaddrinfo ENOTFOUND securityhub.example'), {
        code: 'ENOTFOUND',
      }),
      'endpoint-unreachable',
    ],
    [
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), {
        code: 'ECONNREFUSED',
      }),
      'endpoint-unreachable',
    ],
    [awsError('InternalException', 500, 'internal'), 'service-error'],
    [awsError('ValidationException', 400, 'bad filter'), 'unknown-error'],
  ])('%s → %s', (error, kind) => {
    expect(reasonKindOfFailure(classifyAwsError(error).kind)).toBe(kind);
  });
});

describe('governanceReasonSentence', () => {
  it.each(GOVERNANCE_REASON_KINDS.map(k => [k]))(
    '%s names the source, account, Region and partition',
    kind => {
      for (const [source, name] of Object.entries(GOVERNANCE_SOURCE_NAMES)) {
        const sentence = governanceReasonSentence(kind, source, target);
        expect(sentence).toContain(name);
        expect(sentence).toContain('account 111111111111 in eu-west-1');
        expect(sentence).toContain('partition aws');
        expect(sentence).toMatch(/\.$/);
      }
    },
  );

  it('gives every kind its own sentence and reads an unknown kind as unknown-error', () => {
    const sentences = GOVERNANCE_REASON_KINDS.map(k =>
      governanceReasonSentence(k, 'config', target),
    );
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(governanceReasonSentence('something-new', 'config', target)).toBe(
      governanceReasonSentence('unknown-error', 'config', target),
    );
  });
});

describe('syncTargets outcomes', () => {
  const ctx = (signal = new AbortController().signal) =>
    ({
      targets: [target, { ...target, accountId: '222222222222' }],
      signal,
      logger: { info: jest.fn(), warn: jest.fn() },
      now: () => new Date(),
      cursors: { get: async () => undefined, set: async () => {} },
      sink: { write: async () => {} },
    } satisfies GovernanceSyncContext);

  it('classifies a thrown AWS error and keeps its text only as the log reason', async () => {
    const c = ctx();
    const report = await syncTargets('securityhub', c, 2, async t => {
      if (t.accountId === '222222222222')
        throw awsError(
          'AccessDeniedException',
          403,
          `User: ${ROLE_ARN} is not authorized`,
        );
      return { status: 'ok', pages: 1, rows: 1, coverage: NOTHING };
    });
    expect(report.outcomes[1]).toMatchObject({
      status: 'failed',
      reasonKind: 'access-denied',
      reason: expect.stringContaining(ROLE_ARN),
    });
    expect(report.outcomes[0].reasonKind).toBeUndefined();
  });

  it('defaults the kind of stated reasons: not-enabled when unavailable, unknown-error when failed', async () => {
    const report = await syncTargets('config', ctx(), 2, async t =>
      t.accountId === '222222222222'
        ? { status: 'failed', reason: 'lost' }
        : { status: 'unavailable', reason: 'no aggregator' },
    );
    expect(report.outcomes.map(o => o.reasonKind)).toEqual([
      'not-enabled',
      'unknown-error',
    ]);
  });

  it('reports targets of an aborted run as interrupted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('timed out'));
    const report = await syncTargets(
      'config',
      ctx(controller.signal),
      1,
      async () => ({
        status: 'ok',
        pages: 1,
        rows: 1,
        coverage: NOTHING,
      }),
    );
    expect(report.outcomes.map(o => o.reasonKind)).toEqual([
      'interrupted',
      'interrupted',
    ]);
  });
});
