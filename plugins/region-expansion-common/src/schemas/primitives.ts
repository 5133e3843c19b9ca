import { z } from 'zod';
import { typeError } from './errors';
import { isIsoCountryCode } from './isoCountries';

/**
 * Identifier of a domain object: lower-case letters, digits and hyphens,
 * starting with a letter or digit, 1 to 64 characters. Matches Region codes,
 * Local Zone and Outpost ids and catalog-friendly names.
 *
 * @public
 */
export const idSchema = z
  .string(typeError('a string'))
  .regex(
    /^[a-z0-9][a-z0-9-]{0,63}$/,
    'must be 1-64 lower-case letters, digits or hyphens, starting with a letter or digit',
  )
  .meta({ id: 'Id' });

/**
 * Human display name: trimmed, 1 to 200 characters.
 *
 * @public
 */
export const nameSchema = z
  .string(typeError('a string'))
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters')
  .meta({ id: 'Name' });

/**
 * An ISO 3166-1 alpha-2 country code, checked against the shipped list.
 * Lower-case input is upper-cased first.
 *
 * @public
 */
export const countryCodeSchema = z
  .string(typeError('a string'))
  .trim()
  .toUpperCase()
  .refine(
    isIsoCountryCode,
    'must be an ISO 3166-1 alpha-2 country code such as DE or GB',
  )
  // The list check has no JSON Schema form; the document states its shape.
  .meta({
    id: 'CountryCode',
    description: 'ISO 3166-1 alpha-2 (lower case is upper-cased)',
    pattern: '^[A-Za-z]{2}$',
  });

/**
 * A 12-digit AWS account id.
 *
 * @public
 */
export const accountIdSchema = z
  .string(typeError('a string'))
  .regex(/^\d{12}$/, 'must be a 12-digit AWS account id')
  .meta({ id: 'AccountId' });

/**
 * A non-negative whole number.
 *
 * @public
 */
export const countSchema = z
  .number(typeError('a number'))
  .int('must be a whole number')
  .nonnegative('must not be negative')
  .meta({ id: 'Count' });

/**
 * A non-negative finite number.
 *
 * @public
 */
export const amountSchema = z
  .number(typeError('a number'))
  .nonnegative('must not be negative')
  .refine(Number.isFinite, 'must be finite')
  .meta({ id: 'Amount' });
