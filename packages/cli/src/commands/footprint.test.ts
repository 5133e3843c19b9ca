import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import { formatFootprint } from './footprint';

const trail: NonNullable<Footprint['cloudTrail']> = {
  files: 3,
  digestFilesSkipped: 1,
  records: 10,
  apiCalls: 7,
  serviceEvents: { 'kms.amazonaws.com': 1 },
  consoleSignIns: 0,
  accounts: ['111111111111'],
  regions: ['eu-west-2'],
};
const footprint = (cloudTrail: Footprint['cloudTrail']): Footprint => ({
  services: [],
  crossRegion: [],
  unknown: [],
  cloudTrail,
});

describe('formatFootprint', () => {
  it('says how many CloudTrail records were skipped for naming no event', () => {
    expect(
      formatFootprint(footprint({ ...trail, recordsSkipped: 2 }), []),
    ).toMatch(
      /\nCloudTrail: 3 files, 10 records, 7 API calls, 1 service events, 0 console sign-ins, 1 digest files skipped, 2 records skipped \(no eventType, eventSource or eventName\)$/,
    );
  });

  it('says nothing of skipped records when none was', () => {
    expect(
      formatFootprint(footprint({ ...trail, recordsSkipped: 0 }), []),
    ).toMatch(/console sign-ins, 1 digest files skipped$/);
  });
});
