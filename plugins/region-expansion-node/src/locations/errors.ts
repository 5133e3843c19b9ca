/**
 * Thrown when a location id is not in the catalog.
 *
 * @public
 */
export class UnknownLocationError extends Error {
  /** The id that was asked for. */
  readonly locationId: string;

  constructor(locationId: string) {
    super(`Unknown location '${locationId}'`);
    this.name = 'UnknownLocationError';
    this.locationId = locationId;
  }
}

/**
 * Thrown when a domain rule rejects an input: names the offending field and
 * why, so the API can answer 400 with a precise message.
 *
 * @public
 */
export class DomainRuleError extends Error {
  /** Dotted path of the offending field. */
  readonly field: string;
  /** Why the value breaks the rule. */
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'DomainRuleError';
    this.field = field;
    this.reason = reason;
  }
}
