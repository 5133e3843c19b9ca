import { fireEvent, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { BASE_URL, setupTestServer } from '../../__testUtils__/testServer';
import { governanceHandlers } from '../../__testUtils__/governanceHandlers';

const server = setupTestServer();
const HALF = 512 * 1024;

describe('EvidenceBundleDownload', () => {
  beforeEach(() => server.use(...governanceHandlers([])));
  afterEach(() => {
    delete (window as any).showSaveFilePicker;
    jest.restoreAllMocks();
  });

  it('writes the bundle to the picked file as it arrives and shows the bytes received of its Content-Length, never reading the whole body', async () => {
    // The second half is sent only when the test says so.
    let sendRest!: () => void;
    const rest = new Promise<void>(resolve => {
      sendRest = resolve;
    });
    server.use(
      http.get(
        `${BASE_URL}/governance/evidence-bundle`,
        () =>
          new HttpResponse(
            new ReadableStream({
              async start(controller) {
                controller.enqueue(new Uint8Array(HALF).fill(1));
                await rest;
                controller.enqueue(new Uint8Array(HALF).fill(2));
                controller.close();
              },
            }),
            {
              headers: {
                'content-type': 'application/zip',
                'content-length': String(2 * HALF),
                'content-disposition':
                  'attachment; filename="governance-evidence-2026-01-10.zip"',
              },
            },
          ),
      ),
    );
    const written: number[] = [];
    const file = {
      write: jest.fn(async (chunk: Uint8Array) => {
        written.push(chunk.length);
      }),
      close: jest.fn(async () => undefined),
      abort: jest.fn(async () => undefined),
    };
    const showSaveFilePicker = jest.fn(async () => ({
      createWritable: async () => file,
    }));
    Object.assign(window, { showSaveFilePicker });
    const blob = jest.spyOn(Response.prototype, 'blob');
    const arrayBuffer = jest.spyOn(Response.prototype, 'arrayBuffer');
    const createObjectURL = jest.fn(() => 'blob:bundle');
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });

    await renderPage('/region-expansion/governance');
    fireEvent.click(
      await screen.findByRole('button', { name: 'Download evidence bundle' }),
    );
    // Half of it arrived and is on disk while the rest is still coming.
    expect(await screen.findByText('0.5 MB of 1.0 MB')).toBeInTheDocument();
    expect(
      screen.getByRole('progressbar', { name: 'Evidence bundle download' }),
    ).toHaveAttribute('aria-valuenow', '50');
    await waitFor(() => expect(written.reduce((n, b) => n + b, 0)).toBe(HALF));
    expect(file.close).not.toHaveBeenCalled();

    sendRest();
    expect(
      await screen.findByText('Downloaded governance-evidence-2026-01-10.zip.'),
    ).toBeInTheDocument();
    expect(screen.getByText('1.0 MB of 1.0 MB')).toBeInTheDocument();
    expect(written.reduce((n, b) => n + b, 0)).toBe(2 * HALF);
    expect(file.close).toHaveBeenCalledTimes(1);
    expect(showSaveFilePicker).toHaveBeenCalledWith(
      expect.objectContaining({
        suggestedName: expect.stringMatching(/^governance-evidence-.*\.zip$/),
      }),
    );
    expect(blob).not.toHaveBeenCalled();
    expect(arrayBuffer).not.toHaveBeenCalled();
    expect(createObjectURL).not.toHaveBeenCalled();
  });
});
