import { screen } from '@testing-library/react';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';
import { expectNoneShown } from '../../__testUtils__/expectNoneShown';

setupTestServer();

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('CampaignPage for a reader (campaign.read without campaign.manage)', () => {
  it('shows the campaign without the re-evaluate and approve buttons', async () => {
    await renderPage('/region-expansion/campaigns/launch-fra', {
      allow: name => name !== 'region-expansion.campaign.manage',
    });
    expect(
      await screen.findByRole('table', { name: 'Gates' }),
    ).toBeInTheDocument();
    expectNoneShown([
      ['button', 'Re-evaluate gates'],
      ['button', 'Approve cost'],
      ['textbox', 'Approval note (optional)'],
      ['button', 'Record paying tenant'],
    ]);
  });
});
