import type { CellSpec } from '@region-expansion/plugin-region-expansion-common';
import { billOfMaterials, CELL_SIZING } from './billOfMaterials';
import { CostInputError } from './CostInputError';
import { PRICE_CATALOG } from './priceCatalog';

const spec: Pick<CellSpec, 'version' | 'capacity'> = {
  version: '2026.1',
  capacity: { tenants: 80, loadUnits: 600, quotas: {} },
};
const footprint = (...codes: string[]) => ({
  services: codes.map(code => ({
    code,
    sources: ['iac' as const],
    actions: [],
  })),
});
const keysOf = (lines: Array<{ key: string }>) => lines.map(l => l.key);

describe('billOfMaterials', () => {
  it('sizes instances from the cell spec and says so', () => {
    const lines = billOfMaterials(footprint('ecs', 's3'), spec);
    const compute = lines.find(l => l.key === 'compute.instance-hours')!;
    // 600 load units / 200 per instance = 3 instances x 730 h.
    expect(compute.quantity).toBe(3 * 730);
    expect(compute.unit).toBe('Hrs');
    expect(compute.quantitySource).toBe(
      'cell spec 2026.1: 600 load units / 200 per instance, at least 2: 3 x m7g.large x 730 h',
    );
    expect(compute.overridden).toBe(false);
    expect(lines.find(l => l.key === 'storage.s3')!.quantity).toBe(
      80 * CELL_SIZING.s3GbPerTenant,
    );
  });

  it('adds a line only for the services the footprint uses', () => {
    expect(keysOf(billOfMaterials(footprint('lambda', 'sqs'), spec))).toEqual([
      'requests.lambda',
      'compute.lambda-duration',
      'requests.sqs',
      'data-transfer.out',
      'fixed.nat-gateway-hours',
      'fixed.load-balancer-hours',
    ]);
    expect(keysOf(billOfMaterials(footprint('ec2', 'dynamodb'), spec))).toEqual(
      [
        'compute.instance-hours',
        'storage.ebs-gp3',
        'requests.dynamodb-writes',
        'requests.dynamodb-reads',
        'storage.dynamodb',
        'data-transfer.out',
        'fixed.nat-gateway-hours',
        'fixed.load-balancer-hours',
      ],
    );
  });

  it.each([
    ['aws-managed-key', []],
    ['customer-managed-kms-key', ['kms.keys', 'kms.requests']],
    ['external-key-store', ['kms.keys', 'kms.requests']],
    ['cloudhsm', ['kms.keys', 'kms.requests', 'cloudhsm.hours']],
  ] as const)(
    'prices the %s encryption tier with its key lines',
    (encryption, expected) => {
      const keys = keysOf(
        billOfMaterials(footprint('ec2'), spec, { encryption }),
      ).filter(
        k =>
          PRICE_CATALOG[k as keyof typeof PRICE_CATALOG].category ===
          'encryption',
      );
      expect(keys).toEqual(expected);
    },
  );

  it('counts one key per tenant and two HSMs for CloudHSM', () => {
    const lines = billOfMaterials(footprint('ec2'), spec, {
      encryption: 'cloudhsm',
    });
    expect(lines.find(l => l.key === 'kms.keys')!.quantity).toBe(80);
    expect(lines.find(l => l.key === 'cloudhsm.hours')).toMatchObject({
      quantity: 2 * 730,
      quantitySource: expect.stringContaining('2 HSMs'),
    });
  });

  it('replaces a quantity with an override and keeps the derived one in the source', () => {
    const lines = billOfMaterials(footprint('s3'), spec, {
      overrides: { 'storage.s3': 5000 },
    });
    expect(lines.find(l => l.key === 'storage.s3')).toMatchObject({
      quantity: 5000,
      overridden: true,
      quantitySource: expect.stringMatching(/^override \(derived: 1,600,/),
    });
  });

  it.each([
    [
      'a negative quantity',
      { 'storage.s3': -1 },
      'overrides.storage.s3: must not be negative',
    ],
    ['NaN', { 'storage.s3': Number.NaN }, 'overrides.storage.s3: must be'],
    [
      'an absurd quantity',
      { 'storage.s3': 1e15 },
      'overrides.storage.s3: must be at most',
    ],
    [
      'a line the bill does not have',
      { 'cloudhsm.hours': 10 },
      'overrides.cloudhsm.hours: is not a line of this bill of materials',
    ],
  ])('rejects %s naming the field', (_, overrides, message) => {
    const run = () =>
      billOfMaterials(footprint('s3'), spec, {
        overrides: overrides as Record<string, number>,
      });
    expect(run).toThrow(CostInputError);
    expect(run).toThrow(message);
  });
});
