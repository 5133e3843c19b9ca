import {
  DescribeAppAssessmentCommand,
  ListAppAssessmentsCommand,
  ListAppsCommand,
  ResiliencehubClient,
} from '@aws-sdk/client-resiliencehub';
import {
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';

useSimulatorTestServer();

describe('Resilience Hub (restJson1, epoch seconds)', () => {
  it('lists apps and assessments and describes the latest with RTO/RPO per disruption type', async () => {
    const app = org.resilienceApps[0];
    const client = sdkClient(ResiliencehubClient, app.region, app.accountId);
    const apps = await client.send(new ListAppsCommand({}));
    expect(apps.appSummaries!.map(a => a.appArn)).toContain(app.arn);
    expect(apps.appSummaries![0].creationTime).toBeInstanceOf(Date);
    const assessments = await client.send(
      new ListAppAssessmentsCommand({
        appArn: app.arn,
        assessmentStatus: ['Success'],
        maxResults: 1,
      }),
    );
    expect(assessments.assessmentSummaries).toHaveLength(1);
    expect(assessments.assessmentSummaries![0].endTime!.getTime()).toBe(
      app.assessments.find(a => a.status === 'Success')!.endTime * 1000,
    );
    const detail = await client.send(
      new DescribeAppAssessmentCommand({
        assessmentArn: assessments.assessmentSummaries![0].assessmentArn,
      }),
    );
    expect(Object.keys(detail.assessment!.compliance!).sort()).toEqual([
      'AZ',
      'Hardware',
      'Region',
      'Software',
    ]);
    expect(detail.assessment!.policy!.policy!.Region!.rtoInSecs).toBe(
      app.policy.Region.rtoInSecs,
    );
  });
});
