import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';
import {
  API,
  as,
  ROLE_CODES,
  startWithRoles,
} from '../__testUtils__/rolePolicy';

jest.setTimeout(120_000);

/**
 * GET /locations/{id}/advice on the demo backend under the role-based test
 * policy: every role reads readiness, so every role may ask for advice.
 */
describe('GET /locations/{locationId}/advice', () => {
  let server: Awaited<ReturnType<typeof startWithRoles>>;
  const advice = (path: string, role: Parameters<typeof as>[0] = 'engineer') =>
    request(server)
      .get(`${API}/locations/${path}`)
      .set('Authorization', as(role));

  beforeAll(async () => {
    server = await startWithRoles({ demoData: { enabled: true, tenants: 10 } });
  });

  it('answers 401 to anonymous callers and 200 to every role', async () => {
    const anonymous = await request(server)
      .get(`${API}/locations/eu-west-1/advice`)
      .set('Authorization', mockCredentials.none.header());
    expect(anonymous.status).toBe(401);
    for (const [role] of ROLE_CODES) {
      expect([role, (await advice('eu-west-1/advice', role)).status]).toEqual([
        role,
        200,
      ]);
    }
  });

  it.each([
    [
      'eusc-de-east-1/advice?classification=restricted&homeCountry=DE',
      ['partition', 'partition-requires-own-control-plane'],
      ['silo', 'classification-restricted'],
      ['external-key-store', 'restricted-key-custody'],
    ],
    [
      'eu-central-1/advice?classification=restricted',
      ['regional', 'in-country-regime'],
      ['silo', 'classification-restricted'],
      ['cloudhsm', 'classification-restricted'],
    ],
    [
      'us-east-1/advice',
      ['global', 'no-residency-regime'],
      ['pool', 'classification-internal'],
      ['aws-managed-key', 'classification-internal'],
    ],
    [
      'eu-west-1/advice?classification=internal&tier=silo',
      ['global', 'privacy-transfers-allowed'],
      ['silo', 'tenant-tier'],
      ['aws-managed-key', 'classification-internal'],
    ],
  ])(
    '%s: each part with the rule that decides it',
    async (path, cp, iso, enc) => {
      const res = await advice(path);
      expect(res.status).toBe(200);
      const { controlPlane, isolation, encryption } = res.body.advice;
      expect([
        [controlPlane.choice, controlPlane.rule],
        [isolation.choice, isolation.rule],
        [encryption.choice, encryption.rule],
      ]).toEqual([cp, iso, enc]);
      expect(controlPlane.rationale.length).toBe(controlPlane.rules.length);
      expect(res.body.designViolations).toEqual([]);
    },
  );

  it('lists each chosen part weaker than advised', async () => {
    const res = await advice(
      'eu-central-1/advice?classification=restricted&isolation=pool&encryption=aws-managed-key&controlPlane=regional',
    );
    expect(res.status).toBe(200);
    expect(
      res.body.designViolations.map((v: any) => [
        v.field,
        v.chosen,
        v.required,
        v.rule,
      ]),
    ).toEqual([
      ['isolation', 'pool', 'silo', 'classification-restricted'],
      [
        'encryption',
        'aws-managed-key',
        'cloudhsm',
        'classification-restricted',
      ],
    ]);
  });

  it('lists what the location breaks of the residency, without refusing', async () => {
    const res = await advice(
      'us-east-1/advice?classification=confidential&residencyCountries=DE,AT&homeCountry=DE',
    );
    expect(res.status).toBe(200);
    expect(res.body.homeCountry).toBe('DE');
    expect(res.body.residencyViolations.map((v: any) => v.rule)).toEqual([
      'residency-requirement',
      'privacy-target',
    ]);
    const inside = await advice(
      'eu-central-1/advice?classification=confidential&residencyCountries=de&homeCountry=DE',
    );
    expect(inside.body.residencyViolations).toEqual([]);
  });

  it.each([
    ['nowhere-1/advice', 404, /Location 'nowhere-1' does not exist/],
    [
      'eusc-de-east-1/advice?residencyCountries=US&residencyPartition=aws-eusc',
      400,
      /^residencyCountries: no location can hold data that must stay in US: partition aws-eusc has locations only in DE/,
    ],
    [
      'eu-central-1/advice?classification=restricted&homeCountry=DE&residencyCountries=IE',
      400,
      /^residencyCountries: KRITIS .* keeps restricted data of DE in DE, which IE leaves out/,
    ],
    [
      'eu-central-1/advice?residencyPartition=aws-moon',
      400,
      /^residencyPartition: unknown partition 'aws-moon'/,
    ],
    [
      'eu-central-1/advice?residencyCountries=ZZ',
      400,
      /residencyCountries\.0: must be an ISO 3166-1 alpha-2/,
    ],
    [
      'eu-central-1/advice?residencyCountries=,',
      400,
      /residencyCountries: must name at least one country/,
    ],
    ['eu-central-1/advice?classification=secret', 400, /classification/],
    [
      'eu-central-1/advice?isolation=shared',
      400,
      /isolation: must be one of pool, bridge, silo/,
    ],
    [
      'eu-central-1/advice?encryption=none',
      400,
      /encryption: must be one of aws-managed-key/,
    ],
    [
      'eu-central-1/advice?homeCountry=Germany',
      400,
      /homeCountry: must be an ISO 3166-1/,
    ],
    ['eu-central-1/advice?region=x', 400, /region/],
  ])('%s answers %i naming the field', async (path, status, message) => {
    const res = await advice(path);
    expect(res.status).toBe(status);
    expect(res.body.error.message).toMatch(message);
  });

  it("judges a Local Zone's CloudHSM by its parent Region, as the wizard does", async () => {
    // ap-southeast-4 does not offer CloudHSM in the availability snapshot.
    const added = await request(server)
      .post(`${API}/locations`)
      .set('Authorization', as('platform-admin'))
      .send({
        id: 'ap-southeast-4-mel-9a',
        kind: 'local-zone',
        name: 'Melbourne test Local Zone',
        country: 'AU',
        parentRegion: 'ap-southeast-4',
      });
    expect(added.status).toBe(201);
    const res = await advice(
      'ap-southeast-4-mel-9a/advice?classification=restricted',
    );
    expect(res.status).toBe(200);
    expect([
      res.body.advice.encryption.choice,
      res.body.advice.encryption.rule,
    ]).toEqual(['external-key-store', 'cloudhsm-unavailable']);
  });
});
