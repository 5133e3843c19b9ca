import type { Assessment } from '@aws-sdk/client-auditmanager';
import { auditControlRows, auditManagerStatusReason } from './mapAudit';

const target = { partition: 'p', accountId: '222222222222', region: 'r-1' };

describe('auditManagerStatusReason', () => {
  it.each([
    ['ACTIVE', undefined],
    ['INACTIVE', expect.stringMatching(/account status INACTIVE/)],
    [
      'PENDING_ACTIVATION',
      expect.stringMatching(/account status PENDING_ACTIVATION/),
    ],
    [undefined, expect.stringMatching(/account status not reported/)],
  ])('%s', (status, expected) => {
    const reason = auditManagerStatusReason(status, target);
    expect(reason).toEqual(expected);
  });
});

describe('auditControlRows', () => {
  const assessment = {
    metadata: { id: 'a-1', name: 'PCI - shop', complianceType: 'PCI DSS' },
    framework: {
      metadata: { name: 'PCI DSS v4' },
      controlSets: [
        {
          id: 'set-1',
          controls: [
            {
              id: 'c-1',
              name: 'Encrypt',
              status: 'REVIEWED',
              evidenceCount: 7,
            },
            { id: 'c-2', name: 'Log', status: 'NEW_STATUS' },
            { name: 'no id' },
          ],
        },
      ],
    },
  } as unknown as Assessment;
  const folders = [
    {
      id: 'f-1',
      controlSetId: 'set-1',
      controlId: 'c-2',
      date: new Date('2026-09-30T00:00:00Z'),
      dataSource: 'AWS Config',
      totalEvidence: 3,
      evidenceByTypeComplianceCheckCount: 2,
      evidenceByTypeComplianceCheckIssuesCount: 1,
    },
    {
      id: 'f-2',
      controlSetId: 'set-1',
      controlId: 'c-2',
      date: new Date('2026-10-01T00:00:00Z'),
      totalEvidence: 4,
    },
    { id: 'f-3', controlSetId: 'set-2', controlId: 'c-2', totalEvidence: 99 },
  ];

  it.each([
    [
      'service count and no folders',
      0,
      {
        controlId: 'c-1',
        controlStatus: 'REVIEWED',
        evidenceCount: 7,
        folders: [],
      },
    ],
    [
      'open status, folders of its own set, newest first, count summed',
      1,
      {
        controlId: 'c-2',
        controlName: 'Log',
        controlStatus: 'NEW_STATUS',
        evidenceCount: 7,
        folders: [
          {
            folderId: 'f-2',
            date: '2026-10-01',
            totalEvidence: 4,
            complianceCheckCount: 0,
            complianceCheckIssuesCount: 0,
          },
          {
            folderId: 'f-1',
            date: '2026-09-30',
            dataSource: 'AWS Config',
            totalEvidence: 3,
            complianceCheckCount: 2,
            complianceCheckIssuesCount: 1,
          },
        ],
      },
    ],
  ])('%s', (_, index, expected) => {
    const rows = auditControlRows(assessment, folders, target);
    expect(rows).toHaveLength(2);
    expect(rows[index]).toEqual({
      ...target,
      assessmentId: 'a-1',
      assessmentName: 'PCI - shop',
      framework: 'PCI DSS v4',
      controlSetId: 'set-1',
      controlName: expected.controlId === 'c-1' ? 'Encrypt' : 'Log',
      ...expected,
    });
  });
});
