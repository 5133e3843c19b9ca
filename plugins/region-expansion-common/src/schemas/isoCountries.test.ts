import { ISO_3166_ALPHA2_CODES, isIsoCountryCode } from './isoCountries';

describe('ISO_3166_ALPHA2_CODES', () => {
  it('lists the 249 officially assigned codes, sorted and unique', () => {
    expect(ISO_3166_ALPHA2_CODES).toHaveLength(249);
    expect(new Set(ISO_3166_ALPHA2_CODES).size).toBe(249);
    expect([...ISO_3166_ALPHA2_CODES].sort()).toEqual(ISO_3166_ALPHA2_CODES);
  });

  it('names only codes the Unicode CLDR (via Intl) knows as regions', () => {
    const names = new Intl.DisplayNames(['en'], {
      type: 'region',
      fallback: 'code',
    });
    const unknown = ISO_3166_ALPHA2_CODES.filter(
      code => names.of(code) === code,
    );
    expect(unknown).toEqual([]);
  });

  it.each([
    ['DE', true],
    ['GB', true],
    ['AX', true],
    ['UK', false], // reserved, the United Kingdom is GB
    ['EU', false], // exceptionally reserved, not a country
    ['XK', false], // user-assigned (Kosovo)
    ['de', false], // schemas upper-case first; the list is exact
    ['DEU', false],
  ])('isIsoCountryCode(%s) is %s', (code, expected) => {
    expect(isIsoCountryCode(code)).toBe(expected);
  });
});
