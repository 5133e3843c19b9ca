import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import App from './App';

const backendBaseUrl = 'http://localhost:7007';

// The auth backend's guest provider, as the demo backend runs it.
const server = setupServer(
  http.get(`${backendBaseUrl}/api/auth/guest/refresh`, () =>
    HttpResponse.json({
      profile: { displayName: 'Guest' },
      backstageIdentity: {
        // A JWT without an expiry: the client refreshes on its default timer.
        token: `e30.${btoa(
          JSON.stringify({ sub: 'user:development/guest' }),
        )}.sig`,
        identity: {
          type: 'user',
          userEntityRef: 'user:development/guest',
          ownershipEntityRefs: ['user:development/guest'],
        },
      },
    }),
  ),
  // Everything else the pages ask the backend for: empty, so that they render.
  http.all(`${backendBaseUrl}/*`, () => HttpResponse.json({})),
);
registerMswTestHooks(server);

describe('App', () => {
  it('renders the portal with the Regions page in the sidebar', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'Test' },
            backend: { baseUrl: backendBaseUrl },
            techdocs: {
              storageUrl: `${backendBaseUrl}/api/techdocs/static/docs`,
            },
          },
          context: 'test',
        },
      ] as any,
    };

    render(App.createRoot());
    await userEvent.click(await screen.findByRole('button', { name: 'Enter' }));

    const sidebar = await screen.findByRole('navigation', {
      name: 'sidebar nav',
    });
    const regions = await within(sidebar).findByRole('link', {
      name: 'Regions',
    });
    expect(regions).toHaveAttribute('href', '/region-expansion');
    expect(
      within(sidebar).getByRole('link', { name: 'Catalog' }),
    ).toHaveAttribute('href', '/catalog');
  }, 60_000); // the whole app: every plugin's extensions, then the sign-in
});
