import { LocationCatalog } from '../locations';
import {
  checkResidencyRequest,
  type ResidencyRequest,
} from './checkResidencyRequest';

const catalog = LocationCatalog.fromSnapshot();
const fields = {
  countries: 'residencyCountries',
  partition: 'residencyPartition',
};

describe('checkResidencyRequest', () => {
  it.each<[string, ResidencyRequest]>([
    ['no requirement', {}],
    [
      'German data in the EU sovereign partition',
      { residency: { countries: ['DE'], partition: 'aws-eusc' } },
    ],
    [
      'restricted German data kept in Germany',
      {
        residency: { countries: ['DE'] },
        classification: 'restricted',
        homeCountry: 'DE',
      },
    ],
    [
      'personal French data allowed in Germany (privacy only)',
      {
        residency: { countries: ['DE'] },
        classification: 'internal',
        homeCountry: 'FR',
      },
    ],
    [
      'one of several countries has a location',
      { residency: { countries: ['LU', 'DE'] } },
    ],
  ])('accepts %s', (_name, request) => {
    expect(() => checkResidencyRequest(catalog, request, fields)).not.toThrow();
  });

  it.each<[string, ResidencyRequest, string, RegExp]>([
    [
      'an unknown partition',
      { residency: { partition: 'aws-moon' } },
      'residencyPartition',
      /unknown partition 'aws-moon'; use one of aws, /,
    ],
    [
      'countries outside the required partition',
      { residency: { countries: ['US'], partition: 'aws-eusc' } },
      'residencyCountries',
      /no location can hold data that must stay in US: partition aws-eusc has locations only in DE/,
    ],
    [
      'a country without any location',
      { residency: { countries: ['AQ'] } },
      'residencyCountries',
      /must stay in AQ: no location is in any of them/,
    ],
    [
      'an in-country regime whose country the requirement leaves out',
      {
        residency: { countries: ['IE'] },
        classification: 'restricted',
        homeCountry: 'DE',
      },
      'residencyCountries',
      /KRITIS \/ BSI C5 critical-sector data keeps restricted data of DE in DE, which IE leaves out/,
    ],
    [
      'an in-country regime in a partition without a location in the country',
      {
        residency: { partition: 'aws-eusc' },
        classification: 'confidential',
        homeCountry: 'SA',
      },
      'residencyPartition',
      /keeps confidential data of SA in SA, where partition aws-eusc has no location/,
    ],
  ])('refuses %s, naming the field', (_name, request, field, reason) => {
    let error: unknown;
    try {
      checkResidencyRequest(catalog, request, fields);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'DomainRuleError', field });
    expect((error as Error).message).toMatch(reason);
  });

  it('names the residency body fields by default', () => {
    expect(() =>
      checkResidencyRequest(catalog, { residency: { partition: 'nope' } }),
    ).toThrow(/^residency\.partition: unknown partition/);
  });
});
