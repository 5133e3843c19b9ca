import type { TenantClass } from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../locations';
import { DomainRuleError } from '../locations/errors';
import {
  checkComparisonInput,
  type ComparisonRequest,
} from './checkComparisonInput';

const catalog = LocationCatalog.fromSnapshot();
const tenantClass: TenantClass = {
  name: 'c',
  residency: {},
  classification: 'internal',
  tier: 'pool',
  expectedTenants: 10,
  loadUnits: 1,
  countries: ['DE'],
};

function fieldOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainRuleError)
      return `${error.field}: ${error.reason}`;
    throw error;
  }
  return 'no error';
}

describe('checkComparisonInput', () => {
  it.each<[string, Partial<ComparisonRequest>, RegExp]>([
    [
      'an unknown candidate',
      { candidates: ['eu-west-1', 'mars-north-1'] },
      /^candidates\.1: 'mars-north-1' is not a known location/,
    ],
    [
      'countries outside the required partition',
      {
        tenantClasses: [
          {
            ...tenantClass,
            residency: { partition: 'aws-eusc', countries: ['US'] },
          },
        ],
      },
      /^tenantClasses\.0\.residency\.countries: .*partition aws-eusc has locations only in DE/,
    ],
    [
      'an unknown partition',
      {
        tenantClasses: [
          tenantClass,
          { ...tenantClass, name: 'd', residency: { partition: 'aws-moon' } },
        ],
      },
      /^tenantClasses\.1\.residency\.partition: unknown partition 'aws-moon'/,
    ],
    [
      'countries and jurisdictions no location meets together',
      {
        tenantClasses: [
          {
            ...tenantClass,
            countries: ['US'],
            residency: { countries: ['US'], jurisdictions: ['EU'] },
          },
        ],
      },
      /^tenantClasses\.0\.residency: no location satisfies every stated dimension/,
    ],
    [
      'an override of a line no bill of materials has',
      { bomOverrides: { 'compute.gpu-hours': 3 } },
      /^bomOverrides\.compute\.gpu-hours: is not a bill-of-materials line key/,
    ],
  ])('refuses %s, naming the field', (_what, request, expected) => {
    expect(
      fieldOf(() =>
        checkComparisonInput(catalog, {
          tenantClasses: [tenantClass],
          ...request,
        }),
      ),
    ).toMatch(expected);
  });

  it('answers every visible location, by id, when no candidate is named, and only visible ones when named', () => {
    const visible = catalog.locations().filter(l => l.partition === 'aws-eusc');
    expect(
      checkComparisonInput(
        catalog,
        { tenantClasses: [tenantClass] },
        visible,
      ).map(l => l.id),
    ).toEqual(visible.map(l => l.id).sort());
    expect(
      fieldOf(() =>
        checkComparisonInput(
          catalog,
          { tenantClasses: [tenantClass], candidates: ['eu-west-1'] },
          visible,
        ),
      ),
    ).toMatch(/^candidates\.0: 'eu-west-1' is not a known location/);
  });
});
