import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { frankfurtAdvice } from '../../__testUtils__/decisionFixtures';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  failRoute,
  recordRequests,
  recordBodies,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { ArchitectureAdviceCard } from './ArchitectureAdviceCard';

const server = setupTestServer();

const renderCard = () =>
  renderWithPlugin(<ArchitectureAdviceCard locationId="eu-central-1" />);

describe('Architecture advice on a Region page', () => {
  it('shows control plane, isolation and encryption, each with its rule and reasons', async () => {
    await renderCard();
    const controlPlane = await screen.findByRole('region', {
      name: 'Control plane',
    });
    expect(
      within(controlPlane).getByRole('heading', {
        name: 'Control plane: regional',
      }),
    ).toBeInTheDocument();
    // The rule's chip carries the rule's text as its tooltip.
    expect(
      within(controlPlane).getByTitle(
        'a confidentiality or independence regime of the home country keeps the data, tenant metadata included, in the country',
      ),
    ).toHaveTextContent('rule in-country-regime');
    expect(within(controlPlane).getByRole('listitem')).toHaveTextContent(
      'BDSG keeps confidential data of DE in-country; tenant metadata is data too, so the control plane runs in-country (rule in-country-regime)',
    );
    expect(
      within(
        screen.getByRole('region', { name: 'Tenant isolation' }),
      ).getByRole('heading'),
    ).toHaveTextContent('Tenant isolation: bridge');
    expect(
      within(screen.getByRole('region', { name: 'Encryption' })).getByRole(
        'heading',
      ),
    ).toHaveTextContent('Encryption: customer-managed-kms-key');
  });

  it('asks again for the chosen classification, tier and a whole country code', async () => {
    const requests = recordRequests(server, '/locations/eu-central-1/advice');
    const user = userEvent.setup();
    await renderCard();
    await screen.findByRole('region', { name: 'Control plane' });
    await user.click(
      screen.getByRole('combobox', { name: 'Data classification' }),
    );
    await user.click(await screen.findByRole('option', { name: 'restricted' }));
    await user.click(screen.getByRole('combobox', { name: 'Tenant tier' }));
    await user.click(await screen.findByRole('option', { name: 'silo' }));
    await user.type(
      screen.getByRole('textbox', { name: "Data subjects' country" }),
      'fr',
    );
    await waitFor(() =>
      expect(requests.map(url => url.search)).toEqual([
        '?classification=confidential',
        '?classification=restricted',
        '?classification=restricted&tier=silo',
        // Not for "f" alone: only a whole code is sent.
        '?classification=restricted&tier=silo&homeCountry=FR',
      ]),
    );
  });

  it('lists the residency rules the location breaks for the profile', async () => {
    recordBodies(server, 'get', '/locations/eu-central-1/advice', {
      ...frankfurtAdvice,
      residencyViolations: [
        {
          rule: 'independence-target',
          regime: 'independence',
          detail: 'restricted data of FR must stay in FR',
          remediation: 'choose a location in FR',
        },
      ],
    });
    await renderCard();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '[independence/independence-target] restricted data of FR must stay in FR. choose a location in FR',
    );
  });

  it("shows the server's message when the advice cannot be read", async () => {
    failRoute(server, 'get', '/locations/eu-central-1/advice', {
      status: 400,
      name: 'InputError',
      message: 'homeCountry: must be an ISO 3166-1 alpha-2 country code',
    });
    await renderCard();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'homeCountry: must be an ISO 3166-1 alpha-2 country code',
    );
  });
});
