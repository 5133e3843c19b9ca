import { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { cloudHsmOffered } from './cloudHsmOffered';

const availability = AvailabilityIndex.fromSnapshot();

describe('cloudHsmOffered', () => {
  it.each([
    ['a Region that offers it', { id: 'eu-central-1' }, true],
    ['a Region that does not', { id: 'ap-southeast-4' }, false],
    [
      'a Local Zone, by its parent Region',
      { id: 'ap-southeast-4-mel-9a', parentRegion: 'ap-southeast-4' },
      false,
    ],
    ['a place the data does not know', { id: 'mars-north-1' }, undefined],
  ])('%s', (_name, location, expected) => {
    expect(cloudHsmOffered(location, availability)).toBe(expected);
  });
});
