import {
  parseRegionExpansionResourceRef,
  toRegionExpansionResourceRef,
} from './resourceRefs';

describe('region-expansion resource refs', () => {
  it.each([
    ['location', 'eu-central-1', 'location:eu-central-1'],
    ['cell', 'eu-central-1-p01', 'cell:eu-central-1-p01'],
  ] as const)('round-trips a %s', (kind, id, ref) => {
    expect(toRegionExpansionResourceRef(kind, id)).toBe(ref);
    expect(parseRegionExpansionResourceRef(ref)).toEqual({ kind, id });
  });

  it.each(['tenant:t1', 'eu-central-1', 'location:', 'component:default/x'])(
    'reads %s as no region-expansion resource',
    ref => {
      expect(parseRegionExpansionResourceRef(ref)).toBeUndefined();
    },
  );
});
