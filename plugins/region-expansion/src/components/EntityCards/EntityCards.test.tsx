import { screen } from '@testing-library/react';
import type { Entity } from '@backstage/catalog-model';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';
import { EntityRegionReadinessCard } from './EntityRegionReadinessCard';
import { EntityRegionalDeploymentsCard } from './EntityRegionalDeploymentsCard';
import {
  hasRegionalDeployments,
  isRegionExpansionResource,
} from './conditions';

setupTestServer();

const resource = (
  type: string,
  annotations: Record<string, string>,
): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Resource',
  metadata: { name: 'x', annotations },
  spec: { type },
});

describe('entity card conditions', () => {
  it.each([
    ['aws-region', { 'region-expansion.io/location': 'eu-central-1' }, true],
    ['cell', { 'region-expansion.io/cell': 'cell-fra-1' }, true],
    ['aws-region', {}, false],
    ['database', { 'region-expansion.io/location': 'eu-central-1' }, false],
  ])(
    'type %s with %j is a Region resource: %s',
    (type, annotations, expected) => {
      expect(isRegionExpansionResource(resource(type, annotations))).toBe(
        expected,
      );
    },
  );

  it('needs at least one non-empty deployment', () => {
    const component = (value: string): Entity => ({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'c',
        annotations: { 'region-expansion.io/deployments': value },
      },
    });
    expect(hasRegionalDeployments(component(' , '))).toBe(false);
    expect(
      hasRegionalDeployments(component('eu-central-1, eusc-de-east-1')),
    ).toBe(true);
  });
});

describe('entity cards', () => {
  it('shows a cell resource with its capacity gauges', async () => {
    await renderWithPlugin(
      <EntityProvider
        entity={resource('cell', { 'region-expansion.io/cell': 'cell-fra-1' })}
      >
        <EntityRegionReadinessCard />
      </EntityProvider>,
    );
    expect(
      await screen.findByRole('group', { name: 'Tenants: 40 of 100 used' }),
    ).toBeInTheDocument();
  });

  it('shows a Region resource with its latest readiness', async () => {
    await renderWithPlugin(
      <EntityProvider
        entity={resource('aws-region', {
          'region-expansion.io/location': 'eu-central-1',
        })}
      >
        <EntityRegionReadinessCard />
      </EntityProvider>,
    );
    expect(
      await screen.findByText('Europe (Frankfurt) (eu-central-1)'),
    ).toBeInTheDocument();
    expect(await screen.findByText('Readiness: blocked')).toBeInTheDocument();
    expect(
      screen.getByText(/1 blockers, 1 open checks \(bedrock is not offered/),
    ).toBeInTheDocument();
  });

  it('lists regional deployments, flagging unknown ids', async () => {
    const component: Entity = {
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'billing',
        annotations: {
          'region-expansion.io/deployments': 'eusc-de-east-1,xx-gone-1',
        },
      },
    };
    await renderWithPlugin(
      <EntityProvider entity={component}>
        <EntityRegionalDeploymentsCard />
      </EntityProvider>,
    );
    expect(
      await screen.findByRole('link', {
        name: 'AWS European Sovereign Cloud (Germany) (eusc-de-east-1)',
      }),
    ).toHaveAttribute('href', '/region-expansion/regions/eusc-de-east-1');
    expect(
      screen.getByText('xx-gone-1 (not known to the region-expansion backend)'),
    ).toBeInTheDocument();
  });
});
