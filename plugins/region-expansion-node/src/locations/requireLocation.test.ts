import { DomainRuleError } from './errors';
import { LocationCatalog } from './LocationCatalog';
import { requireLocation } from './requireLocation';

const catalog = LocationCatalog.fromSnapshot();

describe('requireLocation', () => {
  it.each([
    { id: 'eu-central-1', partition: 'aws' },
    { id: 'eusc-de-east-1', partition: 'aws-eusc' },
  ])('returns $id with its partition $partition', ({ id, partition }) => {
    const found = requireLocation(catalog, id, 'targetLocation');
    expect(found.location.id).toBe(id);
    expect(found.partition.id).toBe(partition);
  });

  it.each([
    { name: 'an unknown id', id: 'mars-north-1', shown: "'mars-north-1'" },
    {
      name: 'a huge id, shortened',
      id: 'x'.repeat(5_000),
      shown: '(5000 characters)',
    },
  ])('refuses $name naming the field', ({ id, shown }) => {
    let error: unknown;
    try {
      requireLocation(catalog, id, 'targetLocation');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainRuleError);
    expect((error as DomainRuleError).field).toBe('targetLocation');
    expect((error as DomainRuleError).reason).toContain(shown);
    expect((error as Error).message.length).toBeLessThan(200);
  });
});
