import { DomainRuleError } from '../locations/errors';

/**
 * A runbook request that cannot be planned: an unknown tenant or cell, a
 * target no cell fits, or a move across a forbidden border. The message is
 * `field: reason`; as a `DomainRuleError`, routers answer it with a 400.
 *
 * @public
 */
export class RunbookInputError extends DomainRuleError {
  constructor(field: string, reason: string) {
    super(field, reason);
    this.name = 'RunbookInputError';
  }
}
