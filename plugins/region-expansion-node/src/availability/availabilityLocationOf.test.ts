import { availabilityLocationOf } from './availabilityLocationOf';

const knowing = (...ids: string[]) => ({
  knows: (id: string) => ids.includes(id),
});

describe('availabilityLocationOf', () => {
  it.each([
    {
      name: 'a listed Region stands for itself',
      location: { id: 'eu-west-1' },
      known: ['eu-west-1'],
      expected: 'eu-west-1',
    },
    {
      name: 'an unlisted Local Zone is read in its parent Region',
      location: { id: 'eu-central-1-ham-1a', parentRegion: 'eu-central-1' },
      known: ['eu-central-1'],
      expected: 'eu-central-1',
    },
    {
      name: 'a Local Zone the data lists stands for itself',
      location: { id: 'eu-central-1-ham-1a', parentRegion: 'eu-central-1' },
      known: ['eu-central-1', 'eu-central-1-ham-1a'],
      expected: 'eu-central-1-ham-1a',
    },
    {
      name: 'an unlisted Region stays itself (its data is missing)',
      location: { id: 'mars-north-1' },
      known: [],
      expected: 'mars-north-1',
    },
  ])('$name', ({ location, known, expected }) => {
    expect(availabilityLocationOf(location, knowing(...known))).toBe(expected);
  });
});
