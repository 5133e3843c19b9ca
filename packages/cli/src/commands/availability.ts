import {
  AvailabilityIndex,
  availabilityLocationOf,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';

/** Availability of one location, as plain data. */
export interface AvailabilityReport {
  location: string;
  partition: string;
  snapshotDate: string;
  source: string;
  services: string[];
}

/** What a location offers, per the bundled dated snapshot. */
export function availabilityOf(locationId: string): AvailabilityReport {
  const location = LocationCatalog.fromSnapshot().require(locationId);
  const index = AvailabilityIndex.fromSnapshot();
  return {
    location: location.id,
    partition: location.partition,
    snapshotDate: index.snapshotDate,
    source: index.source,
    services: index.servicesIn(availabilityLocationOf(location, index)),
  };
}

/** Human-readable availability. */
export function formatAvailability(report: AvailabilityReport): string {
  return [
    `${report.location} (${report.partition}): ${report.services.length} services, data of ${report.snapshotDate}`,
    `source: ${report.source}`,
    ...report.services.map(s => `  ${s}`),
  ].join('\n');
}
