import { refusal } from '../__testUtils__/refusal';
import { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { LocationCatalog } from '../locations/LocationCatalog';
import {
  applicationPlanePlan,
  type ApplicationPlaneChoices,
} from './applicationPlanePlan';

const catalog = LocationCatalog.fromSnapshot();
const availability = AvailabilityIndex.fromSnapshot();
const cell = {
  id: 'payments-de-cell-01',
  locationId: 'eu-central-1',
  isolation: 'pooled' as const,
  accountId: '111122223333',
  capacity: { tenants: 50 },
};
const base: ApplicationPlaneChoices = {
  name: 'payments-de',
  targetLocation: 'eu-central-1',
  controlPlaneMode: 'regional',
  isolationModel: 'pool',
  encryptionTier: 'customer-managed-kms-key',
  residencyCountries: ['DE'],
  cells: [cell],
};

const plan = (change: Partial<ApplicationPlaneChoices>) =>
  applicationPlanePlan({ ...base, ...change }, catalog, availability);

describe('applicationPlanePlan', () => {
  it('turns the choices into the plan the generator renders', () => {
    expect(plan({})).toEqual({
      name: 'payments-de',
      partition: 'aws',
      region: 'eu-central-1',
      locationId: 'eu-central-1',
      residencyCountries: ['DE'],
      controlPlaneMode: 'regional',
      controlPlaneRegion: 'eu-central-1',
      isolationModel: 'pool',
      encryptionTier: 'customer-managed-kms-key',
      cells: [
        {
          id: 'payments-de-cell-01',
          accountId: '111122223333',
          isolation: 'pooled',
          tenants: 50,
        },
      ],
    });
  });

  it.each([
    {
      name: 'a global control plane runs in the home Region',
      change: { controlPlaneMode: 'global' as const },
      region: 'us-east-1',
    },
    {
      name: 'a partition control plane runs inside aws-eusc',
      change: {
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition' as const,
        residencyCountries: [],
        cells: [{ ...cell, locationId: 'eusc-de-east-1' }],
      },
      region: 'eusc-de-east-1',
    },
  ])('$name', ({ change, region }) => {
    expect(plan(change).controlPlaneRegion).toBe(region);
  });

  it.each([
    [{ targetLocation: 'mars-north-1' }, /^targetLocation: unknown location/],
    [
      { targetLocation: 'eusc-de-east-1' },
      /^controlPlaneMode: 'regional' is forbidden in partition aws-eusc/,
    ],
    [
      { residencyCountries: ['FR'] },
      /^residencyCountries: eu-central-1 is in DE/,
    ],
    [{ cells: [] }, /^cells: /],
    [
      { residencyCountries: ['DE', 'Narnia'] },
      /^residencyCountries\.1: must be an ISO 3166-1 alpha-2 country code/,
    ],
    [
      {
        targetLocation: 'eusc-de-east-1',
        controlPlaneMode: 'partition',
        encryptionTier: 'cloudhsm',
        residencyCountries: [],
      },
      /^encryptionTier: CloudHSM is not offered in eusc-de-east-1/,
    ],
    [
      { cells: [{ ...cell, id: '../../etc/passwd' }] },
      /^cells\.0\.id: must be 1-64 lower-case letters, digits or hyphens/,
    ],
    [
      { cells: [{ ...cell, accountId: '123' }] },
      /^cells\.0\.accountId: must be a 12-digit AWS account id/,
    ],
    [
      { cells: [{ ...cell, capacity: { tenants: -1 } }] },
      /^cells\.0\.capacity\.tenants: must not be negative/,
    ],
    [
      { cells: [{ ...cell, capacity: { tenants: 1_000_001 } }] },
      /^cells\.0\.capacity\.tenants: must be at most 1000000/,
    ],
    [
      { cells: [{ ...cell, locationId: 'eu-west-1' }] },
      /^cells\.0\.locationId: cell payments-de-cell-01 is planned for eu-west-1, not eu-central-1/,
    ],
    [
      { cells: [cell, cell] },
      /^cells\.1\.id: 'payments-de-cell-01' is also the id of cells\.0/,
    ],
    [
      { cells: [{ ...cell, isolation: 'dedicated' as const }] },
      /^cells\.0\.isolation: /,
    ],
    [
      {
        cells: Array.from({ length: 100 }, (_, i) => ({
          ...cell,
          id: `payments-de-cell-${i}`,
        })),
      },
      /^cells: 100 cells are more than the 99 one plan may hold/,
    ],
  ] as Array<[Partial<ApplicationPlaneChoices>, RegExp]>)(
    'refuses %j naming the field',
    (change, message) => {
      expect(refusal(() => plan(change))).toMatch(message);
    },
  );
});
