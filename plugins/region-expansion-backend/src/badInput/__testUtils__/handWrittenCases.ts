import { assessCases } from './assessCases';
import { bodyCases } from './bodyCases';
import { countCases } from './countCases';
import { RestCase } from './corpus';
import { ruleCases } from './ruleCases';

/**
 * Cases the schema cannot generate, by area: uploaded files (amplification
 * and bombs, junk, traversal in file names), request bodies as sent, huge
 * counts, domain rules and authorization before any large body is read.
 */
export function handWrittenCases(): RestCase[] {
  return [...assessCases(), ...bodyCases(), ...countCases(), ...ruleCases()];
}
