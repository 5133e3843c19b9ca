import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithPlugin } from '../../__testUtils__/renderWithPlugin';
import { failRoute, setupTestServer } from '../../__testUtils__/testServer';
import { RegionPicker } from './RegionPicker';

const server = setupTestServer();

/** Opens the picker as the scaffolder renders it and returns its list. */
async function openPicker(onChange: (value?: string) => void) {
  await renderWithPlugin(
    <RegionPicker
      {...({
        onChange,
        formData: undefined,
        rawErrors: [],
        required: true,
        schema: { title: 'Target location' },
        idSchema: { $id: 'root_targetLocation' },
      } as any)}
    />,
  );
  await userEvent.click(screen.getByLabelText(/Target location/));
  return within(await screen.findByRole('listbox'));
}

describe('RegionPicker', () => {
  it('lists locations by partition with coverage and readiness, and reports the choice', async () => {
    const onChange = jest.fn();
    const listbox = await openPicker(onChange);
    expect(listbox.getByText('AWS Standard')).toBeInTheDocument();
    expect(
      listbox.getByText('AWS European Sovereign Cloud'),
    ).toBeInTheDocument();
    expect(listbox.getByText('footprint covered')).toBeInTheDocument();
    expect(
      listbox.getByText('footprint not covered: bedrock missing'),
    ).toBeInTheDocument();
    expect(listbox.getByText('blocked')).toBeInTheDocument();
    await userEvent.click(
      listbox.getByText(/eusc-de-east-1 · AWS European Sovereign Cloud/),
    );
    expect(onChange).toHaveBeenCalledWith('eusc-de-east-1');
  });

  it('still lists every location, its readiness unknown, when readiness cannot be read', async () => {
    failRoute(server, 'get', '/readiness', {
      status: 403,
      name: 'NotAllowedError',
      message: "Permission 'region-expansion.readiness.read' is required",
    });
    const listbox = await openPicker(jest.fn());
    expect(listbox.getAllByRole('option')).toHaveLength(4);
    expect(listbox.getAllByText('availability not evaluated')).toHaveLength(4);
    expect(listbox.getAllByText('unknown')).toHaveLength(4);
  });
});
