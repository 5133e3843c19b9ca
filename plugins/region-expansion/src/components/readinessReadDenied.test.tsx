import { screen } from '@testing-library/react';
import { renderWithPlugin } from '../__testUtils__/renderWithPlugin';
import { recordRequests, setupTestServer } from '../__testUtils__/testServer';
import { expectNoneShown } from '../__testUtils__/expectNoneShown';
import { ComparePage } from './ComparePage';
import { ArchitectureAdviceCard } from './RegionPage/ArchitectureAdviceCard';

const server = setupTestServer();

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('the decision views without region-expansion.readiness.read', () => {
  it.each([
    [
      'the Compare Regions page',
      <ComparePage />,
      'Comparing locations',
      ['form', 'Compare locations'],
    ],
    [
      'the architecture advice card',
      <ArchitectureAdviceCard locationId="eu-central-1" />,
      'Architecture advice',
      ['form', 'Tenant profile for advice in eu-central-1'],
    ],
  ] as const)(
    '%s names the missing permission, shows no form and asks the backend nothing',
    async (_view, element, action, form) => {
      const requests = recordRequests(server);
      await renderWithPlugin(element, {
        allow: name => name !== 'region-expansion.readiness.read',
      });
      expect(
        await screen.findByText(new RegExp(`^${action} needs the`)),
      ).toHaveTextContent(
        `${action} needs the region-expansion.readiness.read permission.`,
      );
      expectNoneShown([[...form]]);
      expect(requests).toEqual([]);
    },
  );
});
