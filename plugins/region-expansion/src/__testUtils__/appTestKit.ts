import { screen, type ByRoleMatcher } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';

/** Config for a whole test app whose backend is the msw test server. */
export const testAppConfig = {
  app: { baseUrl: 'http://localhost' },
  backend: { baseUrl: 'http://localhost' },
};

/** A catalog resource the plugin knows, named by one annotation. */
function annotatedResource(
  type: string,
  name: string,
  annotation: string,
): Entity {
  return {
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: { name, annotations: { [annotation]: name } },
    spec: { type },
  };
}

/** The catalog resource of the Frankfurt Region of the test fixtures. */
export const frankfurtResource = annotatedResource(
  'aws-region',
  'eu-central-1',
  'region-expansion.io/location',
);

/** The catalog resource of the Frankfurt cell of the test fixtures. */
export const frankfurtCellResource = annotatedResource(
  'cell',
  'cell-fra-1',
  'region-expansion.io/cell',
);

/**
 * Waits for the element with this role and name in a whole app, which
 * loads its pages and extensions lazily: longer than the default second.
 */
export function findInApp(role: ByRoleMatcher, name: string | RegExp) {
  return screen.findByRole(role, { name }, { timeout: 10_000 });
}

/** The section tabs of the plugin's pages: label and link. */
export const sectionTabLinks = [
  ['Regions', '/region-expansion'],
  ['Tenants', '/region-expansion/tenants'],
  ['Governance', '/region-expansion/governance'],
];

/**
 * Waits for the Regions page as either frontend system shows it (its
 * summary of the fixtures' Regions) and returns its section tabs, label
 * and link.
 */
export async function findRegionsPageTabs() {
  await screen.findByText(/Showing 3 of 3 Regions/, {}, { timeout: 10_000 });
  return screen
    .getAllByRole('tab')
    .map(tab => [tab.textContent, tab.getAttribute('href')]);
}
