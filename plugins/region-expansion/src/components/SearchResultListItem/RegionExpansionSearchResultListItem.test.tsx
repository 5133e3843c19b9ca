import { renderInTestApp } from '@backstage/test-utils';
import { screen } from '@testing-library/react';
import { RegionExpansionSearchResultListItem } from './RegionExpansionSearchResultListItem';

const frankfurt = {
  title: 'Europe (Frankfurt)',
  text: 'Region eu-central-1 in partition aws, country DE. Readiness: pilot.',
  location: '/region-expansion/regions/eu-central-1',
  id: 'eu-central-1',
  kind: 'region',
  partition: 'aws',
  country: 'DE',
  readiness: 'pilot',
};

describe('RegionExpansionSearchResultListItem', () => {
  it('links the title to the page and shows the kind, partition and readiness', async () => {
    await renderInTestApp(
      <RegionExpansionSearchResultListItem result={frankfurt} />,
    );
    expect(
      screen.getByRole('link', { name: 'Europe (Frankfurt)' }),
    ).toHaveAttribute('href', '/region-expansion/regions/eu-central-1');
    expect(screen.getByText('Region')).toBeInTheDocument();
    expect(screen.getByText('Partition aws')).toBeInTheDocument();
    expect(screen.getByText('Readiness pilot')).toBeInTheDocument();
  });

  it('marks the highlighted terms of the title and text', async () => {
    await renderInTestApp(
      <RegionExpansionSearchResultListItem
        result={frankfurt}
        highlight={{
          preTag: '<em>',
          postTag: '</em>',
          fields: {
            title: 'Europe (<em>Frankfurt</em>)',
            text: 'Region <em>eu-central-1</em> in partition aws',
          },
        }}
      />,
    );
    const marks = document.querySelectorAll('mark');
    expect([...marks].map(m => m.textContent)).toEqual([
      'Frankfurt',
      'eu-central-1',
    ]);
  });

  it.each([
    [
      'a cell',
      {
        kind: 'cell',
        partition: 'aws-eusc',
        locationId: 'eusc-de-east-1',
        lifecycle: 'draining',
        tenantCount: 12,
        tenantCapacity: 80,
      },
      [
        'Cell',
        'Location eusc-de-east-1',
        'Lifecycle draining',
        '12 of 80 tenants',
      ],
    ],
    [
      'an unplaced tenant',
      { kind: 'tenant', tier: 'silo' },
      ['Tenant', 'Tier silo', 'Not placed'],
    ],
    [
      'a location never evaluated',
      { kind: 'outpost', partition: 'aws' },
      ['Outpost', 'Readiness not evaluated'],
    ],
  ] as Array<[string, Record<string, string | number>, string[]]>)(
    'describes %s',
    async (_, fields, shown) => {
      await renderInTestApp(
        <RegionExpansionSearchResultListItem
          result={{ ...fields, title: 'x', text: 'y', location: '/x' }}
        />,
      );
      for (const text of shown) {
        expect(screen.getByText(text)).toBeInTheDocument();
      }
    },
  );
});
