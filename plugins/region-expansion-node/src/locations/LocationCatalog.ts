import {
  jurisdictionsFor,
  type Geography,
  type Jurisdiction,
  type Location,
  type Partition,
  type Residency,
} from '@region-expansion/plugin-region-expansion-common';
import snapshotJson from '../data/locations-snapshot.json';
import type { LocationsSnapshot } from './deriveLocationsSnapshot';
import { DomainRuleError, UnknownLocationError } from './errors';

/**
 * A Local Zone or Outpost to add to the catalog. Partition and geography
 * default to the parent Region's; jurisdictions default to those derived
 * from the country.
 *
 * @public
 */
export interface ExtraLocationInput {
  /** Local Zone or Outpost id. */
  id: string;
  /** Kind; Regions come from the snapshot only. */
  kind: 'local-zone' | 'outpost';
  /** Human name. */
  name: string;
  /** ISO 3166-1 alpha-2 country code (required: residency depends on it). */
  country: string;
  /** Region the location hangs off. */
  parentRegion: string;
  /** Partition; must equal the parent Region's when given. */
  partition?: string;
  /** Geography; defaults to the parent Region's. */
  geography?: Geography;
  /** Jurisdictions; default derived from country and geography. */
  jurisdictions?: Jurisdiction[];
}

/**
 * Result of checking a location against a residency requirement.
 *
 * @public
 */
export interface ResidencyMatch {
  /** Whether every stated dimension holds. */
  ok: boolean;
  /** Human explanation: what matched, or the first dimension that failed. */
  reason: string;
}

/**
 * Partitions and locations (Regions from the bundled snapshot, plus Local
 * Zones and Outposts added through the API). Immutable: adding locations
 * returns a new catalog.
 *
 * @public
 */
export class LocationCatalog {
  readonly #partitions: ReadonlyMap<string, Partition>;
  readonly #locations: ReadonlyMap<string, Location>;
  readonly #generatedAt: string;

  private constructor(
    partitions: Partition[],
    locations: Location[],
    generatedAt: string,
  ) {
    this.#partitions = new Map(partitions.map(p => [p.id, p]));
    this.#locations = new Map(locations.map(l => [l.id, l]));
    this.#generatedAt = generatedAt;
  }

  /**
   * The catalog of the bundled snapshot (botocore partitions.json plus the
   * project's Region facts).
   */
  static fromSnapshot(
    snapshot: LocationsSnapshot = snapshotJson as LocationsSnapshot,
  ): LocationCatalog {
    return new LocationCatalog(
      snapshot.partitions,
      snapshot.regions,
      snapshot.generatedAt,
    );
  }

  /** A catalog from plain data, for tests and callers with their own data. */
  static fromData(data: {
    partitions: Partition[];
    locations: Location[];
  }): LocationCatalog {
    return new LocationCatalog(data.partitions, data.locations, 'n/a');
  }

  /** When the underlying snapshot was derived. */
  get generatedAt(): string {
    return this.#generatedAt;
  }

  /** Every partition. */
  partitions(): Partition[] {
    return [...this.#partitions.values()];
  }

  /** A partition by id, or undefined. */
  partition(id: string): Partition | undefined {
    return this.#partitions.get(id);
  }

  /** Every Region (not Local Zones or Outposts). */
  regions(): Location[] {
    return this.locations().filter(l => l.kind === 'region');
  }

  /** Every location of every kind. */
  locations(): Location[] {
    return [...this.#locations.values()];
  }

  /** A location by id, or undefined. */
  get(id: string): Location | undefined {
    return this.#locations.get(id);
  }

  /** A location by id; throws {@link UnknownLocationError} when absent. */
  require(id: string): Location {
    const location = this.#locations.get(id);
    if (!location) throw new UnknownLocationError(id);
    return location;
  }

  /**
   * A new catalog that also holds the given Local Zones and Outposts.
   * Throws {@link DomainRuleError} when a parent Region is unknown or not a
   * Region, a stated partition differs from the parent's, the id is taken,
   * or the country is missing.
   */
  withExtraLocations(extra: ExtraLocationInput[]): LocationCatalog {
    const locations = new Map(this.#locations);
    extra.forEach((input, index) => {
      const at = (field: string) =>
        extra.length === 1 ? field : `${index}.${field}`;
      if (locations.has(input.id)) {
        throw new DomainRuleError(
          at('id'),
          `location '${input.id}' already exists`,
        );
      }
      const parent = this.#locations.get(input.parentRegion);
      if (!parent || parent.kind !== 'region') {
        throw new DomainRuleError(
          at('parentRegion'),
          `'${input.parentRegion}' is not a known Region`,
        );
      }
      if (
        input.partition !== undefined &&
        input.partition !== parent.partition
      ) {
        throw new DomainRuleError(
          at('partition'),
          `'${input.partition}' differs from the partition '${parent.partition}' of parent Region ${parent.id}`,
        );
      }
      if (!input.country) {
        throw new DomainRuleError(
          at('country'),
          'is required: residency decisions depend on it',
        );
      }
      const geography = input.geography ?? parent.geography;
      locations.set(input.id, {
        id: input.id,
        kind: input.kind,
        partition: parent.partition,
        name: input.name,
        country: input.country,
        geography,
        jurisdictions:
          input.jurisdictions ?? jurisdictionsFor(input.country, geography),
        parentRegion: parent.id,
      });
    });
    return new LocationCatalog(
      [...this.#partitions.values()],
      [...locations.values()],
      this.#generatedAt,
    );
  }

  /**
   * Whether a location satisfies a residency requirement. Every stated
   * dimension must hold: the country is listed, at least one jurisdiction
   * overlaps, the partition is equal. An empty requirement matches.
   */
  matchesResidency(location: Location, residency: Residency): ResidencyMatch {
    return matchesResidency(location, residency);
  }
}

/**
 * Residency check as a plain function (see
 * {@link LocationCatalog.matchesResidency}).
 *
 * @public
 */
export function matchesResidency(
  location: Location,
  residency: Residency,
): ResidencyMatch {
  const { countries, jurisdictions, partition } = residency;
  if (partition !== undefined && location.partition !== partition) {
    return {
      ok: false,
      reason: `${location.id} is in partition ${location.partition}, residency requires ${partition}`,
    };
  }
  if (
    countries &&
    countries.length > 0 &&
    !countries.includes(location.country)
  ) {
    return {
      ok: false,
      reason: `${location.id} is in ${
        location.country
      }, residency allows ${countries.join(', ')}`,
    };
  }
  if (jurisdictions && jurisdictions.length > 0) {
    const overlap = jurisdictions.filter(j =>
      location.jurisdictions.includes(j),
    );
    if (overlap.length === 0) {
      return {
        ok: false,
        reason: `${location.id} belongs to ${location.jurisdictions.join(
          ', ',
        )}, residency requires one of ${jurisdictions.join(', ')}`,
      };
    }
  }
  const stated = [
    partition !== undefined ? `partition ${partition}` : undefined,
    countries?.length ? `country ${location.country}` : undefined,
    jurisdictions?.length
      ? `jurisdictions ${jurisdictions
          .filter(j => location.jurisdictions.includes(j))
          .join(', ')}`
      : undefined,
  ].filter(Boolean);
  return {
    ok: true,
    reason:
      stated.length > 0
        ? `${location.id} satisfies ${stated.join(', ')}`
        : `${location.id}: no residency requirement`,
  };
}
