import { bomOverridesSchema, COST_LIMITS } from './cost';
import { describeZodError } from './errors';

describe('bomOverridesSchema', () => {
  it('accepts finite quantities from zero up to the cap', () => {
    expect(
      bomOverridesSchema.parse({
        'compute.instance-hours': 0,
        'storage.s3': COST_LIMITS.quantity,
      }),
    ).toEqual({
      'compute.instance-hours': 0,
      'storage.s3': COST_LIMITS.quantity,
    });
  });

  it.each([
    ['a negative quantity', -1, 'must not be negative'],
    ['NaN', Number.NaN, 'must be'],
    ['Infinity', Number.POSITIVE_INFINITY, 'must be'],
    ['an absurd quantity', COST_LIMITS.quantity * 10, 'must be at most'],
    ['a string', '12', 'must be a number'],
  ])('rejects %s naming the line key as the field', (_, value, reason) => {
    const result = bomOverridesSchema.safeParse({ 'storage.s3': value });
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toContain(`storage.s3: ${reason}`);
  });

  it('rejects a key that is not a line key', () => {
    const result = bomOverridesSchema.safeParse({ 'Compute Hours': 1 });
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toMatch(
      /^Compute Hours: must be a bill-of-materials line key/,
    );
  });

  it('rejects more overrides than the cap', () => {
    const many = Object.fromEntries(
      Array.from({ length: COST_LIMITS.overrides + 1 }, (_, i) => [`l${i}`, 1]),
    );
    const result = bomOverridesSchema.safeParse(many);
    expect(result.success).toBe(false);
    expect(describeZodError(result.error!)).toMatch(
      /must override at most 64 lines/,
    );
  });
});
