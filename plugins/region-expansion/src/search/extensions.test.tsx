import {
  createExtensionTester,
  renderInTestApp,
} from '@backstage/frontend-test-utils';
import { SearchResultListItemBlueprint } from '@backstage/plugin-search-react/alpha';
import { REGION_EXPANSION_SEARCH_TYPES } from '@region-expansion/plugin-region-expansion-common';
import { screen } from '@testing-library/react';
import { regionExpansionSearchResultListItem } from './extensions';

const item = () =>
  createExtensionTester(regionExpansionSearchResultListItem).get(
    SearchResultListItemBlueprint.dataRefs.item,
  );

const cellResult = {
  type: REGION_EXPANSION_SEARCH_TYPES.cell,
  document: {
    title: 'eu-west-1 pooled 1',
    text: 'Cell eu-west-1-p01 in eu-west-1 (partition aws), active, pooled',
    location: '/region-expansion/cells/eu-west-1-p01',
    id: 'eu-west-1-p01',
    kind: 'cell',
    partition: 'aws',
    locationId: 'eu-west-1',
    lifecycle: 'active',
    tenantCount: 3,
    tenantCapacity: 80,
  },
};

describe('regionExpansionSearchResultListItem', () => {
  it.each([
    ...Object.values(REGION_EXPANSION_SEARCH_TYPES).map(
      t => [t, true] as const,
    ),
    ['software-catalog', false] as const,
    ['techdocs', false] as const,
  ])('renders results of type %s: %s', (type, rendered) => {
    const { predicate } = item();
    expect(
      predicate?.({ type, document: { title: '', text: '', location: '' } }),
    ).toBe(rendered);
  });

  it('renders a result with the list item component', async () => {
    const { component: Component } = item();
    await renderInTestApp(<Component result={cellResult.document} rank={1} />);
    expect(
      await screen.findByRole('link', { name: 'eu-west-1 pooled 1' }),
    ).toHaveAttribute('href', '/region-expansion/cells/eu-west-1-p01');
    expect(screen.getByText('3 of 80 tenants')).toBeInTheDocument();
  });
});
