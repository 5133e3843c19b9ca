import {
  READINESS_CHECKS,
  type Footprint,
} from '@region-expansion/plugin-region-expansion-common';
import { assess } from './assess';

const footprint = (
  codes: string[],
  extra: Partial<Footprint> = {},
): Footprint => ({
  services: codes.map(code => ({ code, sources: ['iac'], actions: [] })),
  crossRegion: [],
  unknown: [],
  ...extra,
});
const now = new Date('2026-11-20T00:00:00Z');

describe('assess', () => {
  it.each([
    {
      name: 'all available: pilot (governance unknown)',
      codes: ['s3', 'lambda'],
      target: 'eu-west-2',
      level: 'pilot',
      blocked: [],
    },
    {
      name: 'CloudFront not in the sovereign cloud',
      codes: ['s3', 'cloudfront'],
      target: 'eusc-de-east-1',
      level: 'blocked',
      blocked: ['cloudfront'],
    },
    {
      name: 'Bedrock not in China',
      codes: ['bedrock'],
      target: 'cn-north-1',
      level: 'blocked',
      blocked: ['bedrock'],
    },
  ])('$name', ({ codes, target, level, blocked }) => {
    const result = assess({ footprint: footprint(codes), target, now });
    expect(result.level).toBe(level);
    expect(
      result.blockers
        .filter(b => b.check === 'availability')
        .map(b => b.service),
    ).toEqual(blocked);
    expect(result.signals.security.status).toBe('unknown');
  });

  it('is ready only when governance signals pass too', () => {
    const pass = { status: 'pass' as const, detail: 'ok', blockers: [] };
    const result = assess({
      footprint: footprint(['s3']),
      target: 'eu-west-2',
      // Every check a governance source reports: the coverage proofs and
      // guardrail drift too.
      governance: Object.fromEntries(
        READINESS_CHECKS.filter(
          c => c !== 'availability' && c !== 'sovereignty',
        ).map(c => [c, pass]),
      ),
      now,
    });
    expect(result).toEqual(
      expect.objectContaining({
        target: 'eu-west-2',
        partition: 'aws',
        level: 'ready',
        blockers: [],
      }),
    );
  });

  it('blocks on residency and honours an unexpired waiver', () => {
    const input = {
      footprint: footprint(['s3']),
      target: 'us-east-1',
      residency: { jurisdictions: ['EU' as const] },
      now,
    };
    expect(assess(input).blockers).toEqual([
      expect.objectContaining({
        check: 'sovereignty',
        remediation: expect.any(String),
      }),
    ]);
    const waived = assess({
      ...input,
      waivers: [
        {
          locationId: 'us-east-1',
          check: 'sovereignty',
          reason: 'pilot with synthetic data',
          approver: 'dpo',
          expiresAt: '2027-01-01T00:00:00Z',
        },
      ],
    });
    expect(waived.blockers).toEqual([]);
    expect(waived.signals.sovereignty.waived).toBe(true);
  });

  it('rejects an unknown target', () => {
    expect(() =>
      assess({ footprint: footprint([]), target: 'mars-1' }),
    ).toThrow(/mars-1/);
  });
});
