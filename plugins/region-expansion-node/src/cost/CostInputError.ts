/**
 * Bad input to cost: an override of a line the bill of materials does not
 * have, a quantity that is negative, not finite or absurd, an unknown
 * Region, an unreadable snapshot. The message is `field: reason`; routers
 * answer it with a 400 and the CLI with exit 2.
 *
 * @public
 */
export class CostInputError extends Error {
  /** Dotted path of the offending field, e.g. `overrides.storage.s3`. */
  readonly field: string;
  /** Why the value was rejected. */
  readonly reason: string;

  constructor(field: string, reason: string) {
    super(`${field}: ${reason}`);
    this.name = 'CostInputError';
    this.field = field;
    this.reason = reason;
  }
}
