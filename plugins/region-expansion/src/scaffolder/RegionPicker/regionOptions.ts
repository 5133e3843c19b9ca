import type {
  Location,
  Partition,
  ReadinessSummary,
} from '@region-expansion/plugin-region-expansion-common';

/** One option of the picker: a location with its partition and readiness. */
export interface RegionOption {
  location: Location;
  partitionName: string;
  readiness?: ReadinessSummary;
  /** Services of the footprint the location lacks (availability blockers). */
  missingServices: string[];
}

/** Joins locations, partitions and the latest readiness into options, grouped by partition. */
export function regionOptions(
  locations: Location[],
  partitions: Partition[],
  readiness: ReadinessSummary[],
): RegionOption[] {
  const names = new Map(partitions.map(p => [p.id, p.name]));
  const byLocation = new Map(readiness.map(r => [r.locationId, r]));
  return locations
    .map(location => {
      const summary = byLocation.get(location.id);
      return {
        location,
        partitionName: names.get(location.partition) ?? location.partition,
        readiness: summary,
        missingServices: (summary?.blockers ?? [])
          .filter(b => b.check === 'availability')
          .map(b => b.service ?? b.detail),
      };
    })
    .sort(
      (a, b) =>
        a.partitionName.localeCompare(b.partitionName) ||
        a.location.id.localeCompare(b.location.id),
    );
}

/** Availability coverage of the footprint, in words. */
export function coverageText(option: RegionOption): string {
  if (!option.readiness) return 'availability not evaluated';
  if (option.missingServices.length)
    return `footprint not covered: ${option.missingServices.join(
      ', ',
    )} missing`;
  return 'footprint covered';
}
