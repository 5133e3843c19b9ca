import { screen } from '@testing-library/react';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';
import { expectNoneShown } from '../../__testUtils__/expectNoneShown';

setupTestServer();

// Whole Region pages on a loaded 2-core CI machine take seconds each.

// A file of its own: usePermission caches answers per permission for the
// lifetime of the module, so allowed and denied cases cannot share a file.
describe('Assess infrastructure code without readiness.read', () => {
  it('shows no upload form and names the missing permission', async () => {
    await renderPage('/region-expansion/regions/eu-central-1', {
      allow: name => name !== 'region-expansion.readiness.read',
    });
    expect(
      await screen.findByText(/Assessing infrastructure code needs the/),
    ).toHaveTextContent(
      'Assessing infrastructure code needs the region-expansion.readiness.read permission.',
    );
    expectNoneShown([
      ['form', 'Assess infrastructure code against eu-central-1'],
      ['button', 'Choose a file'],
    ]);
  });
});
