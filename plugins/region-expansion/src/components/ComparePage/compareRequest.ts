import {
  COMPARISON_LIMITS,
  type DataClassification,
  type Jurisdiction,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import type { CompareLocationsBody } from '../../hooks/useLocationComparison';

/** One tenant class as the form's inputs hold it (text). */
export interface TenantClassForm {
  name: string;
  classification: DataClassification;
  tier: TenantTier;
  partition: string;
  jurisdiction: string;
  expectedTenants: string;
  loadUnits: string;
  /** Comma-separated ISO 3166-1 codes; the first is the home country. */
  countries: string;
}

/** The workload: the stored footprint, or one read from a chosen file. */
export type Workload =
  | { kind: 'stored' }
  | { kind: 'file'; fileName: string; footprint: unknown };

/** The most tenant classes one comparison ranks for (the route's bound). */
export const MAX_TENANT_CLASSES = COMPARISON_LIMITS.tenantClasses;

/** A new class, named so that two added classes never share a name. */
export function newTenantClass(index: number): TenantClassForm {
  return {
    name: `class-${index + 1}`,
    classification: 'confidential',
    tier: 'pool',
    partition: '',
    jurisdiction: '',
    expectedTenants: '10',
    loadUnits: '1',
    countries: 'DE',
  };
}

/** The codes of a comma- or space-separated country list, upper-cased. */
export function countryList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map(code => code.trim().toUpperCase())
    .filter(code => code.length > 0);
}

/**
 * The request of one comparison. Numbers are sent as typed, so the
 * server's field-named 400 says what is wrong with one (never a silent 0).
 */
export function compareBody(
  workload: Workload,
  classes: TenantClassForm[],
): CompareLocationsBody {
  return {
    ...(workload.kind === 'file'
      ? { footprint: workload.footprint as CompareLocationsBody['footprint'] }
      : {}),
    tenantClasses: classes.map(c => ({
      name: c.name,
      classification: c.classification,
      tier: c.tier,
      expectedTenants: Number(c.expectedTenants),
      loadUnits: Number(c.loadUnits),
      countries: countryList(c.countries),
      residency: {
        ...(c.partition ? { partition: c.partition } : {}),
        ...(c.jurisdiction
          ? { jurisdictions: [c.jurisdiction as Jurisdiction] }
          : {}),
      },
    })),
  };
}

/**
 * The footprint in a chosen file (`yarn region-expansion footprint
 * --json`): JSON, else an error naming the file. Its shape is the server's
 * to judge, which names the field that is wrong.
 */
export function parseFootprintFile(fileName: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${fileName}: not a footprint JSON file (${
        (error as Error).message
      }); write one with yarn region-expansion footprint --json`,
    );
  }
}
