import { refusal } from '../__testUtils__/refusal';
import { LocationCatalog } from '../locations/LocationCatalog';
import {
  globalServicesOf,
  renderGuardrails,
  SCP_MAX_CHARACTERS,
  type GuardrailsInput,
} from './renderGuardrails';

const catalog = LocationCatalog.fromSnapshot();
const base: GuardrailsInput = {
  name: 'payments-de',
  targetLocation: 'eu-central-1',
  industry: 'financial-services',
};
const render = (change: Partial<GuardrailsInput>) =>
  renderGuardrails({ ...base, ...change }, catalog);

describe('renderGuardrails', () => {
  it('renders the OU path and a Region-deny SCP exempting global services', () => {
    const guardrails = render({
      allowedRegions: ['eu-central-2'],
      accountIds: ['111122223333', '111122223333'],
    });
    expect(guardrails.organizationalUnit).toEqual({
      partition: 'aws',
      path: ['Root', 'Europe', 'DE', 'financial-services'],
      pathString: 'Root/Europe/DE/financial-services',
      accountIds: ['111122223333'],
      policies: ['payments-de-region-deny'],
    });
    const [statement] = guardrails.scp.Statement;
    expect(statement.Effect).toBe('Deny');
    expect(statement.Condition.StringNotEquals['aws:RequestedRegion']).toEqual([
      'eu-central-1',
      'eu-central-2',
    ]);
    expect(statement.NotAction).toEqual(
      expect.arrayContaining([
        'iam:*',
        'organizations:*',
        'route53:*',
        'cloudfront:*',
      ]),
    );
    expect(guardrails.scpText).toBe(JSON.stringify(guardrails.scp));
    expect(guardrails.scpCharacters).toBe(guardrails.scpText.length);
    expect(guardrails.scpCharacters).toBeLessThanOrEqual(SCP_MAX_CHARACTERS);
  });

  it.each([
    {
      name: 'a Local Zone allows its parent Region',
      target: 'eu-central-1-ham-1a',
      regions: ['eu-central-1'],
    },
    {
      name: 'aws-eusc allows only its own Region',
      target: 'eusc-de-east-1',
      regions: ['eusc-de-east-1'],
    },
  ])('$name', ({ target, regions }) => {
    const withZone = catalog.withExtraLocations([
      {
        id: 'eu-central-1-ham-1a',
        kind: 'local-zone',
        name: 'Hamburg',
        country: 'DE',
        parentRegion: 'eu-central-1',
      },
    ]);
    const guardrails = renderGuardrails(
      { ...base, targetLocation: target },
      withZone,
    );
    expect(
      guardrails.scp.Statement[0].Condition.StringNotEquals[
        'aws:RequestedRegion'
      ],
    ).toEqual(regions);
    expect(guardrails.scp.Statement[0].NotAction).toContain('iam:*');
    expect(guardrails.scpText).not.toMatch(/arn:aws:/);
  });

  it.each([
    [{ targetLocation: 'mars-north-1' }, /^targetLocation: unknown location/],
    [
      { allowedRegions: ['eusc-de-east-1'] },
      /^allowedRegions\.0: eusc-de-east-1 is in partition aws-eusc/,
    ],
    [
      { allowedRegions: ['mars-1'] },
      /^allowedRegions\.0: 'mars-1' is not a known Region/,
    ],
    [{ industry: 'Finance & Co' }, /^industry: /],
    [{ name: 'Payments DE' }, /^name: 'Payments DE' must be 1-48 lower-case/],
    [{ name: '../../etc' }, /^name: '..\/..\/etc' must be 1-48 lower-case/],
    [
      { accountIds: ['111122223333', '123'] },
      /^accountIds\.1: must be a 12-digit AWS account id/,
    ],
    [{ additionalExemptions: ['not an action'] }, /^additionalExemptions\.0: /],
    [
      {
        additionalExemptions: Array.from(
          { length: 400 },
          (_, i) => `service${i}:Action${i}`,
        ),
      },
      /^additionalExemptions: the Region-deny SCP is \d+ characters minified, over the AWS Organizations limit of 5120/,
    ],
  ] as Array<[Partial<GuardrailsInput>, RegExp]>)(
    'refuses %j naming the field',
    (change, message) => {
      expect(refusal(() => render(change))).toMatch(message);
    },
  );

  it.each([
    ['industry', { industry: 'a'.repeat(10 * 1024) }],
    ['allowedRegions.0', { allowedRegions: ['a'.repeat(10 * 1024)] }],
    [
      'additionalExemptions.0',
      { additionalExemptions: ['a'.repeat(10 * 1024)] },
    ],
  ])(
    'names a 10 KB %s with its length instead of echoing it',
    (field, change) => {
      const message = refusal(() => render(change));
      expect(message.startsWith(`${field}: `)).toBe(true);
      expect(message).toMatch(/\(10\d{3} characters\)/);
      expect(message.length).toBeLessThan(400);
    },
  );
});

describe('globalServicesOf', () => {
  it('lists IAM among the global services of aws and aws-eusc', () => {
    for (const partition of ['aws', 'aws-eusc']) {
      expect(globalServicesOf(partition, catalog).map(g => g.code)).toContain(
        'iam',
      );
    }
  });
});
