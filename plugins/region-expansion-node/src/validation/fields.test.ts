import { capacitySchema } from '@region-expansion/plugin-region-expansion-common';
import { DomainRuleError } from '../locations/errors';
import { parseField, quoteValue, withFieldPrefix } from './fields';

describe('quoteValue', () => {
  it.each([
    { name: 'a short value whole', value: 'eu-west-1', quoted: "'eu-west-1'" },
    { name: 'a number', value: 3, quoted: "'3'" },
    {
      name: 'a long value by its start and length',
      value: 'x'.repeat(10_000),
      quoted: `'${'x'.repeat(40)}…' (10000 characters)`,
    },
  ])('$name', ({ value, quoted }) => {
    expect(quoteValue(value)).toBe(quoted);
  });
});

describe('parseField', () => {
  const capacity = { tenants: 2, loadUnits: 10, quotas: {} };

  it('returns the parsed value', () => {
    expect(parseField(capacitySchema, capacity, 'capacity')).toEqual(capacity);
  });

  it('names the field and the path inside the value', () => {
    let error: unknown;
    try {
      parseField(
        capacitySchema,
        { ...capacity, tenants: -1 },
        'cellSpec.capacity',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainRuleError);
    expect((error as DomainRuleError).field).toBe('cellSpec.capacity.tenants');
    expect((error as DomainRuleError).message).toMatch(
      /^cellSpec\.capacity\.tenants: /,
    );
  });
});

describe('withFieldPrefix', () => {
  it('prefixes the field of a rule error', () => {
    expect(() =>
      withFieldPrefix('cells.3', () => {
        throw new DomainRuleError('accountId', 'must be 12 digits');
      }),
    ).toThrow(/^cells\.3\.accountId: must be 12 digits$/);
  });

  it('lets other errors through unchanged', () => {
    const other = new RangeError('not a rule');
    expect(() =>
      withFieldPrefix('cells.3', () => {
        throw other;
      }),
    ).toThrow(other);
  });

  it('returns the result when nothing is thrown', () => {
    expect(withFieldPrefix('x', () => 42)).toBe(42);
  });
});
