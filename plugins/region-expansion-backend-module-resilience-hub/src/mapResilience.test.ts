import type {
  AppAssessment,
  AppAssessmentSummary,
} from '@aws-sdk/client-resiliencehub';
import {
  disruptionRows,
  latestSuccessfulAssessment,
  resilienceAppRow,
} from './mapResilience';

const target = { partition: 'p', accountId: '111111111111', region: 'r-1' };

describe('latestSuccessfulAssessment', () => {
  const s = (
    arn: string,
    status: string,
    end?: number,
    start?: number,
  ): AppAssessmentSummary =>
    ({
      assessmentArn: arn,
      assessmentStatus: status,
      endTime: end === undefined ? undefined : new Date(end * 1000),
      startTime: start === undefined ? undefined : new Date(start * 1000),
    } as AppAssessmentSummary);

  it.each([
    ['none', [], undefined],
    ['only failed', [s('a', 'Failed', 10)], undefined],
    [
      'newest success wins over list order',
      [s('a', 'Success', 10), s('b', 'Success', 30), s('c', 'Success', 20)],
      'b',
    ],
    [
      'a newer failure is skipped',
      [s('a', 'Success', 10), s('b', 'Failed', 40)],
      'a',
    ],
    [
      'start time when no end time',
      [s('a', 'Success', undefined, 5), s('b', 'Success', undefined, 7)],
      'b',
    ],
    [
      'unknown status is not success',
      [s('a', 'Succeeded-ish', 99), s('b', 'Success', 1)],
      'b',
    ],
  ])('%s', (_, input, expected) => {
    expect(latestSuccessfulAssessment(input)?.assessmentArn).toBe(expected);
  });
});

describe('disruptionRows', () => {
  it.each([
    [
      'known types in order with current and target values',
      {
        compliance: {
          Region: {
            currentRtoInSecs: 10,
            currentRpoInSecs: 5,
            complianceStatus: 'PolicyBreached',
          },
          Software: {
            currentRtoInSecs: 1,
            currentRpoInSecs: 1,
            complianceStatus: 'PolicyMet',
          },
        },
        policy: {
          policy: {
            Region: { rtoInSecs: 8, rpoInSecs: 4 },
            Software: { rtoInSecs: 2, rpoInSecs: 2 },
          },
        },
      },
      [
        {
          disruptionType: 'Software',
          currentRtoInSecs: 1,
          currentRpoInSecs: 1,
          targetRtoInSecs: 2,
          targetRpoInSecs: 2,
          complianceStatus: 'PolicyMet',
        },
        {
          disruptionType: 'Region',
          currentRtoInSecs: 10,
          currentRpoInSecs: 5,
          targetRtoInSecs: 8,
          targetRpoInSecs: 4,
          complianceStatus: 'PolicyBreached',
        },
      ],
    ],
    [
      'unknown disruption type and status are kept',
      {
        compliance: {
          Cell: { currentRtoInSecs: 3, complianceStatus: 'PolicyPartiallyMet' },
        },
        policy: { policy: { AZ: { rtoInSecs: 60, rpoInSecs: 30 } } },
      },
      [
        { disruptionType: 'AZ', targetRtoInSecs: 60, targetRpoInSecs: 30 },
        {
          disruptionType: 'Cell',
          currentRtoInSecs: 3,
          complianceStatus: 'PolicyPartiallyMet',
        },
      ],
    ],
    ['nothing', {}, []],
  ])('%s', (_, assessment, expected) => {
    expect(disruptionRows(assessment as unknown as AppAssessment)).toEqual(
      expected,
    );
  });
});

describe('resilienceAppRow', () => {
  const app = {
    appArn: 'app-1',
    name: 'shop',
    creationTime: new Date(0),
    driftStatus: 'NotChecked',
    complianceStatus: 'PolicyMet',
  } as any;

  it('marks an app without a successful assessment as NotAssessed', () => {
    expect(resilienceAppRow(app, undefined, target)).toEqual({
      appArn: 'app-1',
      appName: 'shop',
      ...target,
      complianceStatus: 'NotAssessed',
      driftStatus: 'NotChecked',
      disruptions: [],
    });
  });

  it('takes status, drift, score and time from the assessment, unknown strings included', () => {
    const row = resilienceAppRow(
      app,
      {
        assessmentArn: 'as-1',
        complianceStatus: 'SomethingNew',
        driftStatus: 'Detected',
        resiliencyScore: { score: 71.5, disruptionScore: {} },
        endTime: new Date('2026-10-01T00:00:00Z'),
      } as unknown as AppAssessment,
      target,
    );
    expect(row).toMatchObject({
      assessmentArn: 'as-1',
      complianceStatus: 'SomethingNew',
      driftStatus: 'Detected',
      resiliencyScore: 71.5,
      assessedAt: '2026-10-01T00:00:00.000Z',
    });
  });
});
