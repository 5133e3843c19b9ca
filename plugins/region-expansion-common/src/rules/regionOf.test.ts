import { regionOf } from './regionOf';

describe('regionOf', () => {
  it.each([
    {
      name: 'a Region is its own Region',
      location: { id: 'eu-central-1' },
      region: 'eu-central-1',
    },
    {
      name: 'a Local Zone runs in its parent Region',
      location: { id: 'us-east-1-bos-1a', parentRegion: 'us-east-1' },
      region: 'us-east-1',
    },
    {
      name: 'an Outpost runs in its parent Region',
      location: { id: 'op-0123456789abcdef0', parentRegion: 'eu-west-1' },
      region: 'eu-west-1',
    },
    {
      name: 'an empty parent (as a store may hold it) is no parent',
      location: { id: 'eu-west-2', parentRegion: '' },
      region: 'eu-west-2',
    },
  ])('$name', ({ location, region }) => {
    expect(regionOf(location)).toBe(region);
  });
});
