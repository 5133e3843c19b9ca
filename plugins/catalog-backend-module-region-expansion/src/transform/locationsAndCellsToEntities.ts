import {
  ANNOTATION_LOCATION,
  ANNOTATION_ORIGIN_LOCATION,
  DEFAULT_NAMESPACE,
  Entity,
  KubernetesValidatorFunctions,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import type {
  Cell,
  Location,
  LocationKind,
} from '@region-expansion/plugin-region-expansion-common';
import { createHash } from 'node:crypto';

/**
 * Annotation and label keys the region-expansion entities carry.
 *
 * @public
 */
export const REGION_EXPANSION_ANNOTATIONS = {
  /** AWS partition id, for example `aws-eusc`. */
  partition: 'region-expansion.io/partition',
  /** ISO 3166-1 alpha-2 country of the location. */
  country: 'region-expansion.io/country',
  /** Location id (Region code, Local Zone id or Outpost id). */
  location: 'region-expansion.io/location',
  /** Cell id (cells only). */
  cell: 'region-expansion.io/cell',
  /** AWS account id of the cell (cells only). */
  accountId: 'region-expansion.io/account-id',
  /** Number of tenants in the cell, or in all cells of the location. */
  tenantCount: 'region-expansion.io/tenant-count',
  /** Maximum number of tenants of the cell (cells only). */
  tenantCapacity: 'region-expansion.io/tenant-capacity',
  /** Cell spec version the cell was built from (cells only). */
  specVersion: 'region-expansion.io/spec-version',
} as const;

/**
 * Label keys the region-expansion entities carry.
 *
 * @public
 */
export const REGION_EXPANSION_LABELS = {
  /** Cell lifecycle state (`planned` … `retired`). */
  lifecycle: 'region-expansion.io/lifecycle',
  /** Cell isolation model (`pooled` or `dedicated`). */
  isolation: 'region-expansion.io/isolation',
  /** Location kind (`region`, `local-zone`, `outpost`). */
  locationKind: 'region-expansion.io/location-kind',
} as const;

/**
 * `spec.type` of the Resource entity for each location kind.
 *
 * @public
 */
export const LOCATION_ENTITY_TYPES: Readonly<Record<LocationKind, string>> = {
  region: 'aws-region',
  'local-zone': 'aws-local-zone',
  outpost: 'aws-outpost',
};

/**
 * `spec.type` of the Resource entity of a cell.
 *
 * @public
 */
export const CELL_ENTITY_TYPE = 'cell';

/** Longest entity name the catalog accepts. */
const MAX_NAME_LENGTH = 63;
/** Hex characters of the hash suffix of a shortened name. */
const HASH_LENGTH = 8;

/**
 * Turns a domain id into a valid, lower-case catalog entity name of at most
 * 63 characters: the id itself when it already is one; otherwise lower-cased, with invalid characters replaced,
 * trimmed to start and end with a letter or digit, and (when it had to
 * change or is too long) suffixed with a short hash of the id, so two
 * different ids never share a name.
 *
 * @public
 */
export function toEntityName(id: string): string {
  if (
    id === id.toLowerCase() &&
    KubernetesValidatorFunctions.isValidObjectName(id)
  ) {
    return id;
  }
  const hash = createHash('sha256')
    .update(id)
    .digest('hex')
    .slice(0, HASH_LENGTH);
  const base = id
    .toLowerCase()
    .replace(/[^a-z0-9_.-]+/g, '-')
    .slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1)
    .replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  return base ? `${base}-${hash}` : hash;
}

/**
 * Input of {@link locationsAndCellsToEntities}.
 *
 * @public
 */
export interface LocationsAndCellsInput {
  /** Every known location (only those hosting a cell become entities). */
  locations: readonly Location[];
  /** Every cell. */
  cells: readonly Cell[];
  /** Owner entity ref of all entities, for example `group:default/platform-team`. */
  owner: string;
  /**
   * Location ref written to `backstage.io/managed-by-location` and
   * `backstage.io/managed-by-origin-location`, for example
   * `region-expansion:backend`.
   */
  locationRef: string;
}

function resourceRef(name: string): string {
  return stringifyEntityRef({
    kind: 'Resource',
    namespace: DEFAULT_NAMESPACE,
    name,
  });
}

function locationTypeLabel(kind: LocationKind): string {
  return kind === 'region' ? 'Region' : kind;
}

/**
 * Maps region-expansion locations and cells to catalog `Resource` entities:
 * one per cell (`spec.type: cell`, depending on its location) and one per
 * location that hosts at least one cell (`spec.type` `aws-region`,
 * `aws-local-zone` or `aws-outpost`). Tenants stay out of the catalog; only
 * their counts (the cells' usage) appear, as annotations.
 *
 * Pure: the same input always gives the same entities, in a stable order
 * (locations by id, then cells by id).
 *
 * @public
 */
export function locationsAndCellsToEntities(
  input: LocationsAndCellsInput,
): Entity[] {
  const { owner, locationRef } = input;
  const locationsById = new Map(input.locations.map(l => [l.id, l]));
  const cells = [...input.cells].sort((a, b) => a.id.localeCompare(b.id));

  const tenantsByLocation = new Map<string, number>();
  for (const cell of cells) {
    tenantsByLocation.set(
      cell.locationId,
      (tenantsByLocation.get(cell.locationId) ?? 0) + cell.usage.tenants,
    );
  }
  const hosting = [...tenantsByLocation.keys()]
    .map(id => locationsById.get(id))
    .filter((l): l is Location => l !== undefined)
    .sort((a, b) => a.id.localeCompare(b.id));

  const managedBy = {
    [ANNOTATION_LOCATION]: locationRef,
    [ANNOTATION_ORIGIN_LOCATION]: locationRef,
  };
  const locationNames = new Map(hosting.map(l => [l.id, toEntityName(l.id)]));
  const taken = new Set(locationNames.values());

  const locationEntities: Entity[] = hosting.map(location => {
    const parentName = location.parentRegion
      ? locationNames.get(location.parentRegion)
      : undefined;
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name: locationNames.get(location.id)!,
        title: location.name,
        description: `AWS ${locationTypeLabel(location.kind)} ${
          location.id
        } in partition ${location.partition}, ${location.country} (${
          location.geography
        })`,
        annotations: {
          ...managedBy,
          [REGION_EXPANSION_ANNOTATIONS.partition]: location.partition,
          [REGION_EXPANSION_ANNOTATIONS.country]: location.country,
          [REGION_EXPANSION_ANNOTATIONS.location]: location.id,
          [REGION_EXPANSION_ANNOTATIONS.tenantCount]: String(
            tenantsByLocation.get(location.id) ?? 0,
          ),
        },
        labels: {
          [REGION_EXPANSION_LABELS.locationKind]: location.kind,
        },
        tags: [location.partition],
      },
      spec: {
        type: LOCATION_ENTITY_TYPES[location.kind],
        owner,
        ...(parentName ? { dependsOn: [resourceRef(parentName)] } : {}),
      },
    };
  });

  const cellEntities: Entity[] = cells.map(cell => {
    const location = locationsById.get(cell.locationId);
    const locationName = locationNames.get(cell.locationId);
    const ownName = toEntityName(cell.id);
    // A cell whose id equals a location's id must not replace that location.
    const name = taken.has(ownName) ? toEntityName(`cell-${cell.id}`) : ownName;
    taken.add(name);
    return {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Resource',
      metadata: {
        name,
        title: cell.name,
        description: `${cell.isolation} cell ${cell.id} in ${cell.locationId} (${cell.lifecycle}), ${cell.usage.tenants} of ${cell.capacity.tenants} tenants`,
        annotations: {
          ...managedBy,
          [REGION_EXPANSION_ANNOTATIONS.partition]: cell.partition,
          ...(location
            ? { [REGION_EXPANSION_ANNOTATIONS.country]: location.country }
            : {}),
          [REGION_EXPANSION_ANNOTATIONS.location]: cell.locationId,
          [REGION_EXPANSION_ANNOTATIONS.cell]: cell.id,
          [REGION_EXPANSION_ANNOTATIONS.accountId]: cell.accountId,
          [REGION_EXPANSION_ANNOTATIONS.tenantCount]: String(
            cell.usage.tenants,
          ),
          [REGION_EXPANSION_ANNOTATIONS.tenantCapacity]: String(
            cell.capacity.tenants,
          ),
          [REGION_EXPANSION_ANNOTATIONS.specVersion]: cell.specVersion,
        },
        labels: {
          [REGION_EXPANSION_LABELS.lifecycle]: cell.lifecycle,
          [REGION_EXPANSION_LABELS.isolation]: cell.isolation,
        },
        tags: [cell.partition, cell.isolation],
      },
      spec: {
        type: CELL_ENTITY_TYPE,
        owner,
        ...(locationName ? { dependsOn: [resourceRef(locationName)] } : {}),
      },
    };
  });

  return [...locationEntities, ...cellEntities];
}
