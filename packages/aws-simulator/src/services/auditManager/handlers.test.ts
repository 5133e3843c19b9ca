import {
  AuditManagerClient,
  GetAccountStatusCommand,
  GetAssessmentCommand,
  GetEvidenceFoldersByAssessmentCommand,
  ListAssessmentsCommand,
} from '@aws-sdk/client-auditmanager';
import {
  allPages,
  faults,
  org,
  useSimulatorTestServer,
} from '../../__testUtils__/simulatorTestServer';
import { sdkClient } from '../../__testUtils__/sdkClient';

useSimulatorTestServer();

describe('Audit Manager (restJson1)', () => {
  const assessment = org.auditAssessments[0];
  const client = sdkClient(
    AuditManagerClient,
    assessment.region,
    assessment.accountId,
  );

  it('lists active assessments, control sets and evidence folders', async () => {
    const list = await client.send(
      new ListAssessmentsCommand({ status: 'ACTIVE' }),
    );
    expect(list.assessmentMetadata!.map(a => a.id)).toContain(assessment.id);
    const detail = await client.send(
      new GetAssessmentCommand({ assessmentId: assessment.id }),
    );
    expect(detail.assessment!.framework!.controlSets).toHaveLength(
      assessment.controlSets.length,
    );
    expect(detail.assessment!.metadata!.creationTime).toBeInstanceOf(Date);
    const pages = await allPages(
      nextToken =>
        client.send(
          new GetEvidenceFoldersByAssessmentCommand({
            assessmentId: assessment.id,
            maxResults: 2,
            nextToken,
          }),
        ),
      page => page.nextToken,
    );
    const folders = pages.flatMap(page => page.evidenceFolders!);
    const expected = assessment.controlSets.flatMap(s =>
      s.controls.flatMap(c => c.folders),
    );
    expect(folders).toHaveLength(expected.length);
  });

  it('an unregistered account gets AccessDeniedException', async () => {
    faults.faults.auditManagerUnregisteredAccounts = [assessment.accountId];
    await expect(
      client.send(new ListAssessmentsCommand({})),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
  });

  it('an unsubscribed account reads ACTIVE but is refused everything else', async () => {
    faults.faults.auditManagerNotSubscribedAccounts = [assessment.accountId];
    await expect(
      client.send(new GetAccountStatusCommand({})),
    ).resolves.toMatchObject({ status: 'ACTIVE' });
    await expect(
      client.send(new GetAssessmentCommand({ assessmentId: assessment.id })),
    ).rejects.toMatchObject({
      name: 'AccessDeniedException',
      message: expect.stringMatching(/not subscribed/),
      $metadata: { httpStatusCode: 403 },
    });
  });
});
