import { ReactElement, ReactNode } from 'react';
import { renderHook } from '@testing-library/react';
import { Route, Routes, useLocation } from 'react-router-dom';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import {
  mockApis,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { permissionApiRef } from '@backstage/plugin-permission-react';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from '../api';
import { rootRouteRef } from '../routes';
import { RegionExpansionPage } from '../components/RegionExpansionPage';

/**
 * The permission framework's decision values, taken from the mock's own
 * option type: `@backstage/plugin-permission-common` (which exports the
 * `AuthorizeResult` enum) is not a declared dependency of this package.
 */
type Decision = Exclude<
  NonNullable<
    NonNullable<Parameters<typeof mockApis.permission>[0]>['authorize']
  >,
  Function
>;
const ALLOW = 'ALLOW' as unknown as Decision;
const DENY = 'DENY' as unknown as Decision;

/** The REAL common client, calling the msw server at {@link BASE_URL}. */
export function createTestClient() {
  return new RegionExpansionClient({
    discoveryApi: mockApis.discovery({ baseUrl: 'http://localhost' }),
    fetchApi: { fetch: (...args) => fetch(...args) },
  });
}

/**
 * Runs a hook of this plugin with the REAL common client (calls go through
 * msw), as a component of the plugin would.
 */
export function renderHookWithClient<T>(hook: () => T) {
  const client = createTestClient();
  return renderHook(hook, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[regionExpansionApiRef, client]]}>
        {children}
      </TestApiProvider>
    ),
  });
}

/**
 * Renders inside a test app with the REAL common client (calls go through
 * msw) and a permission API that allows or denies everything.
 */
export function renderWithPlugin(
  element: ReactElement = (
    <Routes>
      <Route path="/region-expansion/*" element={<RegionExpansionPage />} />
    </Routes>
  ),
  options: {
    routeEntries?: string[];
    allow?: boolean | ((name: string) => boolean);
  } = {},
) {
  const client = createTestClient();
  const allow = options.allow ?? true;
  const permissionApi = mockApis.permission({
    authorize: request => {
      const allowed =
        typeof allow === 'function' ? allow(request.permission.name) : allow;
      return allowed ? ALLOW : DENY;
    },
  });
  return renderInTestApp(
    <TestApiProvider
      apis={[
        [regionExpansionApiRef, client],
        [permissionApiRef, permissionApi],
      ]}
    >
      {element}
    </TestApiProvider>,
    {
      routeEntries: options.routeEntries,
      mountedRoutes: { '/region-expansion': rootRouteRef },
    },
  );
}

/** The router's current path and query, for tests to read. */
function CurrentUrl() {
  const location = useLocation();
  return (
    <output aria-label="current url">
      {location.pathname + location.search}
    </output>
  );
}

/**
 * Renders the plugin's page at `url` as the app mounts it, with the current
 * URL readable by the label `current url`.
 */
export function renderPage(
  url: string,
  options: {
    allow?: boolean | ((name: string) => boolean);
    /** A MUI theme to render the page in instead of the test app's light one. */
    theme?: Theme;
  } = {},
) {
  const { theme, ...rest } = options;
  const page = (
    <>
      <Routes>
        <Route path="/region-expansion/*" element={<RegionExpansionPage />} />
      </Routes>
      <CurrentUrl />
    </>
  );
  return renderWithPlugin(
    theme ? <ThemeProvider theme={theme}>{page}</ThemeProvider> : page,
    { ...rest, routeEntries: [url] },
  );
}
