import {
  regionOf,
  type ReadinessSignal,
} from '@region-expansion/plugin-region-expansion-common';
import { LocationCatalog } from '../../locations';
import type {
  GovernanceCheck,
  GovernanceSignalSource,
} from '../../readiness/GovernanceSignalSource';
import type { GovernanceAwsContext } from '../GovernanceAwsContext';
import { coverageSignal, proveRegionCoverage } from './proveRegionCoverage';
import type { CoverageProof } from './types';

/**
 * The governance coverage proofs of each location's Region as readiness
 * signals (`governance-coverage:*`), read through the governance AWS
 * context: the accounts configured per partition, never a request's.
 * Pass it to the readiness service as a governance source.
 *
 * @public
 */
export class GovernanceCoverageSignals implements GovernanceSignalSource {
  /** Stable id of this source, named when its signals cannot be read. */
  readonly id = 'governance-coverage';
  readonly #aws: GovernanceAwsContext;
  readonly #catalog: Pick<LocationCatalog, 'get'>;
  readonly #now: () => Date;

  private constructor(options: {
    aws: GovernanceAwsContext;
    catalog: Pick<LocationCatalog, 'get'>;
    now: () => Date;
  }) {
    this.#aws = options.aws;
    this.#catalog = options.catalog;
    this.#now = options.now;
  }

  /**
   * A source reading through `aws`; `catalog` defaults to the bundled
   * location snapshot and `now` (the proofs' check time) to the clock.
   */
  static create(options: {
    aws: GovernanceAwsContext;
    catalog?: Pick<LocationCatalog, 'get'>;
    now?: () => Date;
  }): GovernanceCoverageSignals {
    return new GovernanceCoverageSignals({
      aws: options.aws,
      catalog: options.catalog ?? LocationCatalog.fromSnapshot(),
      now: options.now ?? (() => new Date()),
    });
  }

  /** The four proofs of a location's Region; none for an unknown location. */
  async proofsFor(
    locationId: string,
    signal: AbortSignal = new AbortController().signal,
  ): Promise<CoverageProof[]> {
    const location = this.#catalog.get(locationId);
    if (!location) return [];
    return proveRegionCoverage(
      {
        aws: this.#aws,
        targets: this.#aws.partitions.find(
          p => p.partition === location.partition,
        ),
        signal,
      },
      { partition: location.partition, region: regionOf(location) },
      this.#now(),
    );
  }

  /** The location's proofs as readiness signals, by coverage check. */
  async signalsFor(
    locationId: string,
  ): Promise<Partial<Record<GovernanceCheck, ReadinessSignal>>> {
    const proofs = await this.proofsFor(locationId);
    return Object.fromEntries(proofs.map(p => [p.check, coverageSignal(p)]));
  }
}
