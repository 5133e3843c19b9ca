import { screen, within, type ByRoleMatcher } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { LocationComparison } from '@region-expansion/plugin-region-expansion-common';
import {
  euRestrictedComparison,
  euRestrictedRanking,
} from '../../__testUtils__/decisionFixtures';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  failRoute,
  recordBodies,
  setupTestServer,
} from '../../__testUtils__/testServer';
import type { CompareLocationsBody } from '../../hooks/useLocationComparison';
import { ComparePage } from './ComparePage';

const server = setupTestServer();

/** Answers `POST /comparisons` with `answer`; returns the bodies sent. */
const answerComparison = (
  answer: LocationComparison = euRestrictedComparison,
) => recordBodies<CompareLocationsBody>(server, 'post', '/comparisons', answer);

/** Renders the page, submits the form as it starts and waits for the table. */
async function compare() {
  const user = userEvent.setup();
  await renderWithPlugin(<ComparePage />);
  await user.click(await screen.findByRole('button', { name: 'Compare' }));
  const table = await screen.findByRole('table', {
    name: 'Ranked locations for eu-restricted',
  });
  return { user, table };
}

/** The location ids of the table's rows, top to bottom. */
const rowOrder = (table: HTMLElement) =>
  within(table)
    .getAllByRole('link')
    .map(link => link.getAttribute('href')!.split('/').pop());

/** The text of every element with `role` inside `container`, in order. */
const textsOf = (container: HTMLElement, role: ByRoleMatcher) =>
  within(container)
    .getAllByRole(role)
    .map(element => element.textContent);

const label = (name: string) => `Select ${name} for the side-by-side`;

/** Selects or deselects the row of the location named `name`. */
const toggleRow = (user: ReturnType<typeof userEvent.setup>, name: string) =>
  user.click(screen.getByRole('checkbox', { name: label(name) }));

describe('Compare Regions', () => {
  it('ranks for the stored footprint, sending the tenant class as typed', async () => {
    const bodies = answerComparison({
      ...euRestrictedComparison,
      classes: [{ ...euRestrictedComparison.classes[0], name: 'class-1' }],
    });
    const user = userEvent.setup();
    await renderWithPlugin(<ComparePage />);
    expect(
      await screen.findByText('0 services, from demo footprint'),
    ).toBeInTheDocument();
    const countries = screen.getByRole('textbox', {
      name: "Tenants' countries (class-1)",
    });
    await user.clear(countries);
    await user.type(countries, 'de, fr');
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    await screen.findByRole('table', { name: 'Ranked locations for class-1' });
    expect(bodies).toEqual([
      {
        tenantClasses: [
          {
            name: 'class-1',
            classification: 'confidential',
            tier: 'pool',
            expectedTenants: 10,
            loadUnits: 1,
            countries: ['DE', 'FR'],
            residency: {},
          },
        ],
      },
    ]);
  });

  it('lists rank, blocking gap with its rule, readiness, advice, costs and latency per row', async () => {
    answerComparison();
    const { table } = await compare();
    const rows = within(table).getAllByRole('row');
    // Header, then one row per candidate in the server's rank order.
    expect(rows).toHaveLength(5);
    expect(rows[1]).toHaveTextContent('1Europe (Frankfurt)');
    expect(rows[1]).toHaveTextContent('Readiness: ready');
    expect(rows[1]).toHaveTextContent(
      'regional control plane · silo · cloudhsm',
    );
    expect(rows[1]).toHaveTextContent('2,000.00 USD');
    expect(rows[1]).toHaveTextContent('metro (up to 150 km)');
    expect(rows[4]).toHaveTextContent(
      'privacy-transfer: US is outside the EU jurisdiction the class requires',
    );
    expect(
      within(rows[1]).getByRole('link', { name: 'Europe (Frankfurt)' }),
    ).toHaveAttribute('href', '/region-expansion/regions/eu-central-1');
  });

  // No price sorts last in both directions (it is not cheap); ties keep
  // the server's rank.
  it.each`
    column                  | clicks | expected
    ${'Rank'}               | ${1}   | ${'us-east-1 eusc-de-east-1 eu-west-3 eu-central-1'}
    ${'Location'}           | ${1}   | ${'eusc-de-east-1 eu-central-1 eu-west-3 us-east-1'}
    ${'Blocking gaps'}      | ${2}   | ${'us-east-1 eu-central-1 eu-west-3 eusc-de-east-1'}
    ${'Readiness'}          | ${1}   | ${'eu-central-1 us-east-1 eu-west-3 eusc-de-east-1'}
    ${'Per tenant / month'} | ${1}   | ${'us-east-1 eu-central-1 eu-west-3 eusc-de-east-1'}
    ${'Per tenant / month'} | ${2}   | ${'eu-west-3 eu-central-1 us-east-1 eusc-de-east-1'}
    ${'Per cell / month'}   | ${2}   | ${'eu-west-3 eu-central-1 us-east-1 eusc-de-east-1'}
    ${'Latency'}            | ${2}   | ${'us-east-1 eu-west-3 eu-central-1 eusc-de-east-1'}
  `(
    'sorts by $column ($clicks clicks)',
    async ({
      column,
      clicks,
      expected,
    }: {
      column: string;
      clicks: number;
      expected: string;
    }) => {
      answerComparison();
      const { user, table } = await compare();
      const header = within(table).getByRole('button', { name: column });
      for (let i = 0; i < clicks; i++) await user.click(header);
      expect(rowOrder(table).join(' ')).toBe(expected);
    },
  );

  it('says "no price" with its reason where the answer has no price, never 0', async () => {
    answerComparison();
    const { table } = await compare();
    const row = within(table)
      .getByRole('link', { name: 'AWS European Sovereign Cloud (Germany)' })
      .closest('tr')!;
    expect(within(row).getAllByText('no price')).toHaveLength(2);
    expect(row).toHaveTextContent(
      'the Price List API publishes no price for eusc-de-east-1 (partition aws-eusc)',
    );
    expect(row).not.toHaveTextContent(/\b0\.00\b/);
  });

  it('labels synthetic prices whenever the answer says synthetic', async () => {
    answerComparison();
    await compare();
    expect(
      screen.getByRole('note', { name: 'synthetic prices' }),
    ).toHaveTextContent(/Synthetic prices: read from a local simulator/);
    expect(
      screen.getAllByText('prices of 2026-11-01 · synthetic').length,
    ).toBeGreaterThan(0);
  });

  it('shows no synthetic label when the prices are real', async () => {
    const real = euRestrictedRanking.map(row => ({
      ...row,
      cost: { ...row.cost, synthetic: false },
    }));
    answerComparison({
      ...euRestrictedComparison,
      synthetic: false,
      classes: [{ name: 'eu-restricted', qualifying: 3, ranked: real }],
    });
    await compare();
    expect(
      screen.queryByRole('note', { name: 'synthetic prices' }),
    ).not.toBeInTheDocument();
    expect(screen.getAllByText('prices of 2026-11-01').length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByText(/synthetic/i)).not.toBeInTheDocument();
  });

  it("expands a row's why: reasons, the rule ruling it out, the advice's rules", async () => {
    answerComparison();
    const { user } = await compare();
    const toggle = screen.getByRole('button', {
      name: 'Why US East (N. Virginia) ranks here',
    });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    const why = screen.getByRole('list', {
      name: 'Why US East (N. Virginia) ranks 4',
    });
    expect(textsOf(why, 'listitem')).toEqual([
      'ruled out by privacy-transfer',
      'privacy-transfer: US is outside the EU jurisdiction the class requires',
      'Control plane: regional (rule in-country-regime): in-country regime',
      'Tenant isolation: silo (rule classification-restricted): restricted data suggests silo isolation',
      'Encryption: cloudhsm (rule classification-restricted): restricted data: single-tenant key custody',
      'CloudHSM: restricted data: single-tenant key custody',
    ]);
  });

  it('compares two to four selected locations side by side, and no fifth', async () => {
    const fifth = {
      ...euRestrictedRanking[0],
      rank: 5,
      locationId: 'eu-north-1',
      name: 'Europe (Stockholm)',
    };
    answerComparison({
      ...euRestrictedComparison,
      classes: [
        {
          name: 'eu-restricted',
          qualifying: 4,
          ranked: [...euRestrictedRanking, fifth],
        },
      ],
    });
    const { user } = await compare();
    const hint = 'Select two to four locations to compare them side by side.';
    expect(screen.getByText(hint)).toBeInTheDocument();
    await toggleRow(user, 'Europe (Frankfurt)');
    // One selected is not a comparison yet.
    expect(screen.getByText(hint)).toBeInTheDocument();
    await toggleRow(user, 'AWS European Sovereign Cloud (Germany)');
    const sideBySide = screen.getByRole('table', {
      name: 'Side by side for eu-restricted',
    });
    expect(textsOf(sideBySide, 'columnheader')).toEqual([
      '',
      'Europe (Frankfurt) (eu-central-1)',
      'AWS European Sovereign Cloud (Germany) (eusc-de-east-1)',
    ]);
    expect(
      within(sideBySide).getByRole('row', { name: /^Control plane/ }),
    ).toHaveTextContent('Control planeregionalpartition');
    expect(
      within(sideBySide).getByRole('row', { name: /^Per tenant/ }),
    ).toHaveTextContent(/2,000\.00 USD.*no price/);

    await toggleRow(user, 'Europe (Paris)');
    await toggleRow(user, 'US East (N. Virginia)');
    const fifthBox = screen.getByRole('checkbox', {
      name: label('Europe (Stockholm)'),
    });
    expect(fifthBox).toBeDisabled();
    expect(fifthBox).toHaveAttribute(
      'title',
      'At most four locations side by side',
    );
    expect(within(sideBySide).getAllByRole('columnheader')).toHaveLength(5);
    // Deselecting one frees a place for the fifth.
    await toggleRow(user, 'Europe (Paris)');
    expect(fifthBox).toBeEnabled();
  });

  it('sends a chosen footprint file as the workload', async () => {
    const bodies = answerComparison();
    const user = userEvent.setup();
    await renderWithPlugin(<ComparePage />);
    await user.click(
      await screen.findByRole('radio', { name: 'A footprint file' }),
    );
    const footprint = {
      services: [{ code: 's3', sources: ['iac'], actions: ['PutObject'] }],
      crossRegion: [],
      unknown: [],
    };
    await user.upload(
      screen.getByLabelText('Footprint file'),
      new File([JSON.stringify(footprint)], 'footprint.json', {
        type: 'application/json',
      }),
    );
    expect(
      await screen.findByText('Selected: footprint.json'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    await screen.findByRole('table', {
      name: 'Ranked locations for eu-restricted',
    });
    expect(bodies[0].footprint).toEqual(footprint);
  });

  it('names a chosen file that is not JSON and sends nothing', async () => {
    const bodies = answerComparison();
    const user = userEvent.setup();
    await renderWithPlugin(<ComparePage />);
    await user.click(
      await screen.findByRole('radio', { name: 'A footprint file' }),
    );
    await user.upload(
      screen.getByLabelText('Footprint file'),
      new File(['Resources: {}'], 'template.json', {
        type: 'application/json',
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      /^template\.json: not a footprint JSON file/,
    );
    expect(screen.getByRole('button', { name: 'Compare' })).toBeDisabled();
    expect(bodies).toEqual([]);
  });

  it("shows the server's field-named 400", async () => {
    failRoute(server, 'post', '/comparisons', {
      status: 400,
      name: 'InputError',
      message:
        'tenantClasses.0.countries.0: must be an ISO 3166-1 alpha-2 country code',
    });
    const user = userEvent.setup();
    await renderWithPlugin(<ComparePage />);
    await user.click(await screen.findByRole('button', { name: 'Compare' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'tenantClasses.0.countries.0: must be an ISO 3166-1 alpha-2 country code',
    );
  });

  it('says which rule rules out every location when none qualifies', async () => {
    answerComparison({
      ...euRestrictedComparison,
      classes: [
        {
          name: 'eu-restricted',
          qualifying: 0,
          ranked: [euRestrictedRanking[3]],
        },
      ],
    });
    await compare();
    expect(
      screen.getByText(
        'No candidate location can serve eu-restricted: each row says which rule rules it out.',
      ),
    ).toBeInTheDocument();
  });

  it('says how many more blocking gaps there are than the answer lists', async () => {
    answerComparison({
      ...euRestrictedComparison,
      classes: [
        {
          name: 'eu-restricted',
          qualifying: 0,
          ranked: [{ ...euRestrictedRanking[3], gapCount: 13 }],
        },
      ],
    });
    const { table } = await compare();
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent(
      'privacy-transfer: US is outside the EU jurisdiction the class requiresand 12 more',
    );
  });

  it('says so when the backend ranks no location at all', async () => {
    answerComparison({
      ...euRestrictedComparison,
      classes: [{ name: 'eu-restricted', qualifying: 0, ranked: [] }],
    });
    const user = userEvent.setup();
    await renderWithPlugin(<ComparePage />);
    await user.click(await screen.findByRole('button', { name: 'Compare' }));
    expect(
      await screen.findByText('No candidate locations'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('offers only a file when no footprint is stored', async () => {
    failRoute(server, 'get', '/application-plane/footprint', {
      status: 404,
      name: 'NotFoundError',
      message: 'No application-plane footprint is stored',
    });
    await renderWithPlugin(<ComparePage />);
    expect(
      await screen.findByText(
        'No application-plane footprint is stored yet: upload a footprint file instead.',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('radio', {
        name: 'The stored application-plane footprint',
      }),
    ).toBeDisabled();
    expect(
      screen.getByRole('radio', { name: 'A footprint file' }),
    ).toBeChecked();
    // Nothing to rank until a file is chosen.
    expect(screen.getByRole('button', { name: 'Compare' })).toBeDisabled();
  });

  it('adds up to three tenant classes', async () => {
    const user = userEvent.setup();
    await renderWithPlugin(<ComparePage />);
    const add = await screen.findByRole('button', {
      name: 'Add a tenant class',
    });
    await user.click(add);
    await user.click(add);
    expect(
      screen.getAllByRole('group').map(g => g.getAttribute('aria-label')),
    ).toEqual(['Workload', 'class-1', 'class-2', 'class-3']);
    expect(add).toBeDisabled();
    await user.click(
      screen.getByRole('button', { name: 'Remove tenant class class-2' }),
    );
    expect(add).toBeEnabled();
  });
});
