import { ConfigReader } from '@backstage/config';
import {
  createGovernanceTestHarness,
  targetKey,
} from '@region-expansion/aws-simulator';
import {
  GovernanceAwsContext,
  GovernanceRows,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { AuditManagerGovernanceProvider } from './AuditManagerGovernanceProvider';

jest.setTimeout(60_000);

const catalog = LocationCatalog.fromSnapshot();
const harness = createGovernanceTestHarness({
  seed: 13,
  faultSeed: 9,
  catalog,
  assessmentsPerAccount: 3,
});
const { org, faults } = harness;

function provider() {
  const config = new ConfigReader(
    harness.config({ auditManager: { regions: 'home' } }),
  );
  return AuditManagerGovernanceProvider.fromConfig(config, {
    context: GovernanceAwsContext.fromConfig(config, { catalog }),
  });
}

const key = targetKey;

const memory = () =>
  harness.rowsByTarget((rows: GovernanceRows) => rows.auditControls);

/** Syncs every target with Audit Manager not set up in account `accountId`. */
async function syncWithUnregistered(accountId: string) {
  const p = provider();
  const m = memory();
  faults.faults.auditManagerUnregisteredAccounts = [accountId];
  const report = await p.sync({ ...m.ctx(), targets: p.targets() });
  return { report, m };
}

function expectedControls(accountIds?: string[]) {
  return org.auditAssessments
    .filter(
      a =>
        a.status === 'ACTIVE' &&
        (!accountIds || accountIds.includes(a.accountId)),
    )
    .flatMap(a =>
      a.controlSets.flatMap(set =>
        set.controls.map(c => ({ assessment: a, set, control: c })),
      ),
    );
}

describe('AuditManagerGovernanceProvider', () => {
  it('reads active assessments with framework, control status and evidence counts by folder', async () => {
    const p = provider();
    const m = memory();
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    expect(report.outcomes.every(o => o.status === 'ok')).toBe(true);
    const rows = m.all();
    const expected = expectedControls();
    expect(org.auditAssessments.some(a => a.status === 'INACTIVE')).toBe(true);
    expect(rows).toHaveLength(expected.length);
    for (const { assessment, set, control } of expected) {
      const row = rows.find(
        r =>
          r.assessmentId === assessment.id &&
          r.controlSetId === set.id &&
          r.controlId === control.id,
      )!;
      expect(row).toMatchObject({
        accountId: assessment.accountId,
        region: assessment.region,
        assessmentName: assessment.name,
        framework: assessment.frameworkName,
        controlName: control.name,
        controlStatus: control.status,
        evidenceCount: control.evidenceCount,
      });
      expect(row.folders.map(f => f.folderId).sort()).toEqual(
        control.folders.map(f => f.id).sort(),
      );
      const folder = control.folders[0];
      expect(row.folders.find(f => f.folderId === folder.id)).toEqual({
        folderId: folder.id,
        date: new Date(folder.date * 1000).toISOString().slice(0, 10),
        dataSource: folder.dataSource,
        totalEvidence: folder.totalEvidence,
        complianceCheckCount: folder.complianceCheckCount,
        complianceCheckIssuesCount: folder.complianceCheckIssuesCount,
      });
    }
  });

  it('pages through more than 100 assessments and more than 100 evidence folders', async () => {
    const base = org.auditAssessments.find(a => a.status === 'ACTIVE')!;
    const control = base.controlSets[0].controls[0];
    const savedFolders = control.folders;
    control.folders = Array.from({ length: 150 }, (_, i) => ({
      ...savedFolders[0],
      id: `${savedFolders[0].id}-${i}`,
    }));
    const extra = Array.from({ length: 105 }, (_, i) => ({
      ...base,
      id: `${base.id}-extra-${i}`,
      name: `${base.name} ${i}`,
      controlSets: [base.controlSets[1]],
    }));
    org.auditAssessments.push(...extra);
    try {
      const p = provider();
      const m = memory();
      const target = {
        partition: base.partition,
        accountId: base.accountId,
        region: base.region,
      };
      const report = await p.sync({ ...m.ctx(), targets: [target] });
      expect(report.outcomes[0].status).toBe('ok');
      const rows = m.byTarget.get(key(target))!;
      expect(rows).toHaveLength(expectedControls([base.accountId]).length);
      expect(
        rows.find(
          r => r.assessmentId === base.id && r.controlId === control.id,
        )!.folders,
      ).toHaveLength(150);
    } finally {
      org.auditAssessments.splice(-extra.length);
      control.folders = savedFolders;
    }
  });

  it('proves coverage of the Region where active assessments include the account; none where Audit Manager is not set up', async () => {
    const unregistered = org.accounts[1].id;
    const { report } = await syncWithUnregistered(unregistered);
    const expected = report.outcomes.map(({ target }) => {
      const { accountId, region } = target;
      if (accountId === unregistered)
        return { target, status: 'unavailable', coverage: undefined };
      const active = org.auditAssessments.filter(
        a =>
          a.accountId === accountId &&
          a.region === region &&
          a.status === 'ACTIVE',
      ).length;
      return {
        target,
        status: 'ok',
        coverage: {
          regions: [
            {
              region,
              method: 'active-assessments',
              detail: `${active} active Audit Manager assessment${
                active === 1 ? '' : 's'
              } in ${region} with account ${accountId} in scope`,
            },
          ],
          scope: expect.stringContaining(region),
        },
      };
    });
    expect(
      report.outcomes.map(({ target, status, coverage }) => ({
        target,
        status,
        coverage,
      })),
    ).toEqual(expected);
    // Every account has an active assessment in this organization.
    expect(
      expected.filter(e => e.coverage?.regions[0].detail.startsWith('0 ')),
    ).toEqual([]);
  });

  it('states a reason for accounts where Audit Manager is not set up, without failing the others', async () => {
    const unregistered = org.accounts[0].id;
    const { report, m } = await syncWithUnregistered(unregistered);
    const outcome = report.outcomes.find(
      o => o.target.accountId === unregistered,
    )!;
    expect(outcome.status).toBe('unavailable');
    expect(outcome.reason).toMatch(/not set up.*INACTIVE/);
    expect(outcome.reasonKind).toBe('not-enabled');
    expect(
      report.outcomes
        .filter(o => o.status !== 'ok')
        .map(o => o.target.accountId),
    ).toEqual([unregistered]);
    expect(m.all()).toHaveLength(
      expectedControls(
        org.accounts.map(a => a.id).filter(id => id !== unregistered),
      ).length,
    );
  });

  it('keeps the last good controls, stale with a stated reason, when the status reads ACTIVE but later calls are refused as not subscribed', async () => {
    const p = provider();
    const m = memory();
    const first = await p.sync({ ...m.ctx(), targets: p.targets() });
    expect(first.outcomes.every(o => o.status === 'ok')).toBe(true);
    const refused = org.auditAssessments.find(a => a.status === 'ACTIVE')!;
    const target = p
      .targets()
      .find(
        t => t.accountId === refused.accountId && t.region === refused.region,
      )!;
    const before = m.byTarget.get(key(target))!;
    expect(before.length).toBeGreaterThan(0);

    faults.faults.auditManagerNotSubscribedAccounts = [refused.accountId];
    const statusCalls = faults.requestCounts.get('GetAccountStatus') ?? 0;
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    // The account status was read (ACTIVE) before the refusal.
    expect(faults.requestCounts.get('GetAccountStatus')).toBeGreaterThan(
      statusCalls,
    );
    const outcome = report.outcomes.find(
      o => o.target.accountId === refused.accountId,
    )!;
    expect(outcome).toMatchObject({
      status: 'failed',
      reasonKind: 'not-enabled',
      reason: expect.stringMatching(
        /refused .* although its status is ACTIVE: AccessDeniedException \(HTTP 403\): .*not subscribed/,
      ),
    });
    expect(
      report.outcomes
        .filter(o => o.status !== 'ok')
        .map(o => o.target.accountId),
    ).toEqual([refused.accountId]);
    // Nothing was written for it: the controls of the last good run stay.
    expect(m.byTarget.get(key(target))).toBe(before);
  });

  it('finishes through throttling and 5xx, and reports AccessDenied accounts as failed with the reason', async () => {
    const p = provider();
    const m = memory();
    const denied = org.accounts[4].id;
    Object.assign(faults.faults, {
      throttlePercent: 30,
      serverErrorPercent: 5,
      accessDeniedAccounts: [denied],
    });
    const report = await p.sync({ ...m.ctx(), targets: p.targets() });
    const failed = report.outcomes.filter(o => o.status === 'failed');
    expect(failed.map(o => o.target.accountId)).toEqual([denied]);
    expect(failed[0].reason).toMatch(/AccessDeniedException/);
    expect(failed[0].reasonKind).toBe('access-denied');
    expect(m.all()).toHaveLength(
      expectedControls(org.accounts.map(a => a.id).filter(id => id !== denied))
        .length,
    );
  });

  it('writes nothing for a target aborted midway, and a later run completes it', async () => {
    const p = provider();
    const m = memory();
    const target = p.targets()[0];
    const controller = new AbortController();
    faults.faults.latencyMs = 20;
    setTimeout(() => controller.abort(new Error('killed')), 50);
    const report = await p.sync({
      ...m.ctx(controller.signal),
      targets: [target],
    });
    expect(report.outcomes[0]).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/aborted/),
    });
    expect(m.byTarget.has(key(target))).toBe(false);
    faults.faults.latencyMs = 0;
    const again = await p.sync({ ...m.ctx(), targets: [target] });
    expect(again.outcomes[0].status).toBe('ok');
    expect(m.byTarget.get(key(target))!.length).toBe(
      expectedControls([target.accountId]).length,
    );
  });
});
