import bundledSnapshot from '../data/availability-snapshot.json';
import { UnknownLocationError } from '../locations/errors';

/**
 * A dated record of which SSM service codes each location offers, for every
 * partition.
 *
 * @public
 */
export interface AvailabilitySnapshot {
  /**
   * Date (YYYY-MM-DD) the data describes; where locations are dated apart
   * (`observedAt`), the oldest of their dates.
   */
  snapshotDate: string;
  /**
   * ISO 8601 date or time each location's data was observed, for locations
   * dated apart from `snapshotDate` (read live after the snapshot).
   */
  observedAt?: Record<string, string>;
  /** Where the data came from. */
  source: string;
  /** Regions per partition id. */
  partitions: Record<string, { regions: string[] }>;
  /** Sorted SSM service codes per location id. */
  locations: Record<string, string[]>;
}

/**
 * Answers "does this location offer this service?" from a dated snapshot.
 *
 * @public
 */
export class AvailabilityIndex {
  readonly #snapshot: AvailabilitySnapshot;
  readonly #services: Map<string, ReadonlySet<string>>;
  readonly #partitionOf: Map<string, string>;

  /**
   * Builds the index from a snapshot; without an argument, from the snapshot
   * bundled with this package.
   */
  static fromSnapshot(snapshot?: AvailabilitySnapshot): AvailabilityIndex {
    return new AvailabilityIndex(
      snapshot ?? (bundledSnapshot as AvailabilitySnapshot),
    );
  }

  private constructor(snapshot: AvailabilitySnapshot) {
    this.#snapshot = snapshot;
    this.#services = new Map(
      Object.entries(snapshot.locations).map(([id, codes]) => [
        id,
        new Set(codes),
      ]),
    );
    this.#partitionOf = new Map(
      Object.entries(snapshot.partitions).flatMap(([partition, { regions }]) =>
        regions.map(region => [region, partition] as const),
      ),
    );
  }

  /** Date (YYYY-MM-DD) of the data. */
  get snapshotDate(): string {
    return this.#snapshot.snapshotDate;
  }

  /**
   * ISO 8601 date or time the location's data was observed: its own date
   * when it was read apart from the rest (live), else `snapshotDate` (also
   * for a location the data does not know: that is as old as the data).
   */
  observedAt(locationId: string): string {
    return this.#snapshot.observedAt?.[locationId] ?? this.snapshotDate;
  }

  /** Where the data came from. */
  get source(): string {
    return this.#snapshot.source;
  }

  /** Every location id in the data, sorted. */
  locations(): string[] {
    return [...this.#services.keys()].sort();
  }

  /** True when the data covers the location. */
  knows(locationId: string): boolean {
    return this.#services.has(locationId);
  }

  /** Partition id of a location; throws `UnknownLocationError`. */
  partitionOf(locationId: string): string {
    const partition = this.#partitionOf.get(locationId);
    if (!partition) throw new UnknownLocationError(locationId);
    return partition;
  }

  /**
   * True when the location offers the service (an SSM service code).
   * Throws `UnknownLocationError` for a location not in the data.
   */
  has(serviceCode: string, locationId: string): boolean {
    return this.#require(locationId).has(serviceCode);
  }

  /** Sorted service codes the location offers; throws for unknown ones. */
  servicesIn(locationId: string): string[] {
    return [...this.#require(locationId)].sort();
  }

  /** The plain data behind the index. */
  toSnapshot(): AvailabilitySnapshot {
    return this.#snapshot;
  }

  #require(locationId: string): ReadonlySet<string> {
    const services = this.#services.get(locationId);
    if (!services) throw new UnknownLocationError(locationId);
    return services;
  }
}
