import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';
import { expectNoneShown } from '../../__testUtils__/expectNoneShown';

setupTestServer();

// Whole Region pages on a loaded 2-core CI machine take seconds each.

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('RegionPage without waiver.manage', () => {
  it('hides "Evaluate now" and the waiver form and disables revoking, naming the permission', async () => {
    const user = userEvent.setup();
    await renderPage('/region-expansion/regions/eu-central-1', {
      allow: name => name !== 'region-expansion.waiver.manage',
    });
    expect(await screen.findByText('Readiness: blocked')).toBeInTheDocument();
    // One note where "Evaluate now" would be, one in the waivers card.
    expect(
      await screen.findAllByText('region-expansion.waiver.manage'),
    ).toHaveLength(2);
    expect(
      screen.getByText(/Adding and revoking waivers needs the/),
    ).toBeInTheDocument();
    expectNoneShown([
      ['button', 'Evaluate now'],
      ['form', 'Add a waiver for eu-central-1'],
    ]);

    // The active waiver's action is there but disabled, and says why.
    const waivers = screen.getByRole('table', { name: 'Waivers' });
    const revoke = within(waivers).getByRole('button', {
      name: 'Revoke the audit waiver',
    });
    expect(revoke).toBeDisabled();
    await user.hover(revoke.parentElement!);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      'Revoking a waiver needs the region-expansion.waiver.manage permission',
    );

    // Assessing code needs only readiness.read, which this user holds.
    expect(
      screen.getByRole('form', {
        name: 'Assess infrastructure code against eu-central-1',
      }),
    ).toBeInTheDocument();
  });
});
