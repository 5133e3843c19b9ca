import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { delay, http, HttpResponse } from 'msw';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import {
  BASE_URL,
  failRoute,
  recordRequests,
  setupTestServer,
} from '../../__testUtils__/testServer';
import { TenantImportPage } from './TenantImportPage';

const server = setupTestServer();

const HEADER = 'id,name,tier,classification,loadUnits,cellId';
const CONFLICT = { status: 409, name: 'ConflictError' };
const GOOD_CSV = `${HEADER}\nacme,Acme,pool,public,2,cell-fra-1\nglobex,Globex,silo,restricted,1,`;

/** Answers imports after `release()` is called, recording their bodies. */
function holdImports() {
  const bodies: unknown[] = [];
  let release = () => {};
  const released = new Promise<void>(resolve => {
    release = resolve;
  });
  server.use(
    http.post(`${BASE_URL}/tenants/import`, async ({ request }) => {
      bodies.push(await request.json());
      await released;
      await delay(10);
      return HttpResponse.json({ imported: 2, placed: 1 }, { status: 201 });
    }),
  );
  return { bodies, release };
}

async function paste(text: string) {
  const input = await screen.findByLabelText('Tenants to import');
  await userEvent.click(input);
  await userEvent.paste(text);
}

describe('TenantImportPage', () => {
  it('lists every problem with its line and sends nothing while one is left', async () => {
    const sent = recordRequests(server, '/tenants/import');
    await renderWithPlugin(<TenantImportPage />);
    await paste(
      `${HEADER}\nok,Ok,pool,public,1,\nbad,Bad,gold,public,1,\nok,Twice,pool,public,1,`,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));

    const list = screen.getByRole('list', { name: 'Import problems' });
    expect(
      within(list)
        .getAllByRole('listitem')
        .map(item => item.textContent),
    ).toEqual([
      'Line 3: tier: must be one of pool, bridge, silo',
      "Line 4: id: 'ok' repeats line 2",
    ]);
    expect(screen.getByRole('button', { name: 'Import' })).toBeDisabled();
    expect(sent).toEqual([]);
  });

  it('imports checked rows, showing progress and then what was written', async () => {
    const held = holdImports();
    const onImported = jest.fn();
    await renderWithPlugin(<TenantImportPage onImported={onImported} />);
    await paste(GOOD_CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(
      screen.getByText('2 tenants are ready to import.'),
    ).toBeInTheDocument();

    await userEvent.click(
      screen.getByRole('button', { name: 'Import 2 tenants' }),
    );
    const progress = await screen.findByRole('status', {
      name: 'Import progress',
    });
    expect(progress).toHaveTextContent('Importing 2 tenants');
    expect(within(progress).getByRole('progressbar')).toBeInTheDocument();
    held.release();

    expect(
      await screen.findByRole('status', { name: 'Import result' }),
    ).toHaveTextContent('Imported 2 tenants; 1 pinned to a cell.');
    expect(held.bodies).toEqual([
      [
        {
          id: 'acme',
          name: 'Acme',
          tier: 'pool',
          classification: 'public',
          loadUnits: '2',
          cellId: 'cell-fra-1',
        },
        {
          id: 'globex',
          name: 'Globex',
          tier: 'silo',
          classification: 'restricted',
          loadUnits: '1',
        },
      ],
    ]);
    expect(onImported).toHaveBeenCalledWith({ imported: 2, placed: 1 });
    // The same rows again would only conflict.
    expect(
      screen.getByRole('button', { name: 'Import 2 tenants' }),
    ).toBeDisabled();
  });

  it('says nothing was stored when the server refuses the import, in its own words', async () => {
    const refusal = "rows[1].id: tenant 'globex' already exists";
    const sent = failRoute(server, 'post', '/tenants/import', {
      ...CONFLICT,
      message: refusal,
    });
    await renderWithPlugin(<TenantImportPage />);
    await paste(GOOD_CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Import 2 tenants' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(refusal);
    expect(sent).toHaveLength(1);
    expect(
      screen.getByText(
        'Nothing was stored: an import writes every row or none.',
      ),
    ).toBeInTheDocument();
    expect(screen.queryByRole('status', { name: 'Import result' })).toBeNull();
  });

  it('reads an uploaded YAML file as YAML', async () => {
    await renderWithPlugin(<TenantImportPage />);
    const file = new File(
      [
        '- id: acme\n  name: Acme\n  tier: pool\n  classification: public\n  loadUnits: 1\n',
      ],
      'tenants.yaml',
      { type: 'application/yaml' },
    );
    await userEvent.upload(await screen.findByLabelText('Import file'), file);
    await waitFor(() =>
      expect(screen.getByLabelText('Tenants to import')).toHaveValue(
        '- id: acme\n  name: Acme\n  tier: pool\n  classification: public\n  loadUnits: 1\n',
      ),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(
      screen.getByText('1 tenants are ready to import.'),
    ).toBeInTheDocument();
  });
});
