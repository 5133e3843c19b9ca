import { awsOrganization } from '../lib/awsOrganization';
import { rowsOf } from './findingRows';
import { FindingRowsWorker } from './FindingRowsWorker';

jest.setTimeout(60_000);

const SIZE = { findings: 120, accounts: 2, regions: 3 };

describe('FindingRowsWorker', () => {
  const worker = new FindingRowsWorker(7, SIZE);
  afterAll(() => worker.stop());

  it('builds in its thread the same rows as the main thread', async () => {
    const { org } = awsOrganization(7, SIZE);
    await worker.ready();
    const [from, to] = [10, 70];
    const rows = await worker.rows(from, to, org.finding(from).id);
    expect(rows).toEqual(rowsOf(org, from, to));
  });

  it('fails a batch whose first finding is not the one expected', async () => {
    await expect(worker.rows(0, 5, 'another-finding')).rejects.toThrow(
      /finding rows worker built other findings at 0: .*, expected another-finding/,
    );
  });
});
