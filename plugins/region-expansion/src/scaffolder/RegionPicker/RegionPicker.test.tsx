import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { http, HttpResponse } from 'msw';
import {
  registerMswTestHooks,
  renderInTestApp,
  TestApiProvider,
} from '@backstage/test-utils';
import { RegionExpansionClient } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionApiRef } from '../../api';
import { RegionPicker } from './RegionPicker';

const BASE = 'http://localhost/api/region-expansion';
const server = setupServer(
  http.get(`${BASE}/partitions`, () =>
    HttpResponse.json({
      items: [
        {
          id: 'aws',
          name: 'AWS (commercial)',
          dnsSuffix: 'amazonaws.com',
          homeRegion: 'us-east-1',
          requiresOwnControlPlane: false,
        },
        {
          id: 'aws-eusc',
          name: 'AWS European Sovereign Cloud',
          dnsSuffix: 'amazonaws.eu',
          homeRegion: 'eusc-de-east-1',
          requiresOwnControlPlane: true,
        },
      ],
    }),
  ),
  http.get(`${BASE}/locations`, () =>
    HttpResponse.json({
      items: [
        {
          id: 'eu-central-1',
          kind: 'region',
          partition: 'aws',
          name: 'Frankfurt',
          country: 'DE',
          geography: 'Europe',
          jurisdictions: ['EU'],
        },
        {
          id: 'eusc-de-east-1',
          kind: 'region',
          partition: 'aws-eusc',
          name: 'Brandenburg',
          country: 'DE',
          geography: 'Europe',
          jurisdictions: ['EU'],
        },
      ],
    }),
  ),
  http.get(`${BASE}/readiness`, () =>
    HttpResponse.json({
      items: [
        {
          id: 'r1',
          locationId: 'eu-central-1',
          partition: 'aws',
          level: 'ready',
          trigger: 'startup',
          evaluatedAt: '2026-01-01T00:00:00Z',
          blockers: [],
          openChecks: [],
          waivedChecks: [],
        },
        {
          id: 'r2',
          locationId: 'eusc-de-east-1',
          partition: 'aws-eusc',
          level: 'blocked',
          trigger: 'startup',
          evaluatedAt: '2026-01-01T00:00:00Z',
          blockers: [
            {
              check: 'availability',
              service: 'dax',
              detail: 'DAX missing',
              remediation: 'replace',
            },
          ],
          openChecks: [],
          waivedChecks: [],
        },
      ],
    }),
  ),
);

describe('RegionPicker', () => {
  registerMswTestHooks(server);

  it('lists locations by partition with coverage and readiness, and reports the choice', async () => {
    const onChange = jest.fn();
    const api = new RegionExpansionClient({
      discoveryApi: { getBaseUrl: async () => BASE },
    });
    await renderInTestApp(
      <TestApiProvider apis={[[regionExpansionApiRef, api]]}>
        <RegionPicker
          {...({
            onChange,
            formData: undefined,
            rawErrors: [],
            required: true,
            schema: { title: 'Target location' },
            idSchema: { $id: 'root_targetLocation' },
          } as any)}
        />
      </TestApiProvider>,
    );
    await userEvent.click(screen.getByLabelText(/Target location/));
    const listbox = await screen.findByRole('listbox');
    expect(within(listbox).getByText('AWS (commercial)')).toBeInTheDocument();
    expect(
      within(listbox).getByText('AWS European Sovereign Cloud'),
    ).toBeInTheDocument();
    expect(within(listbox).getByText('footprint covered')).toBeInTheDocument();
    expect(
      within(listbox).getByText('footprint not covered: dax missing'),
    ).toBeInTheDocument();
    expect(within(listbox).getByText('blocked')).toBeInTheDocument();
    await userEvent.click(
      within(listbox).getByText(/eusc-de-east-1 · Brandenburg/),
    );
    expect(onChange).toHaveBeenCalledWith('eusc-de-east-1');
  });
});
