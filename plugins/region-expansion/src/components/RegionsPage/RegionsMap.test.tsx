import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTheme } from '@mui/material/styles';
import { renderPage } from '../../__testUtils__/renderWithPlugin';
import { setupTestServer } from '../../__testUtils__/testServer';

setupTestServer();

// MUI's own palettes: their colours differ between the modes, so a colour
// that does not come from the theme shows in one of the two cases.
const lightTheme = createTheme({ palette: { mode: 'light' } });
const darkTheme = createTheme({ palette: { mode: 'dark' } });

const frankfurtName = /eu-central-1\), partition aws: readiness blocked/;
const sovereignName = /eusc-de-east-1\), partition aws-eusc: readiness ready/;

/** The drawn shape of a marker (its last child: the ring comes first). */
const shapeOf = (marker: HTMLElement) => marker.lastElementChild!;
const ringOf = (marker: HTMLElement) =>
  marker.querySelector('.region-marker-focus-ring')!;
const zoomStatus = () => screen.getByRole('status', { name: 'Map zoom level' });
const zoomGroup = () =>
  screen
    .getByRole('group', { name: 'World map of Regions' })
    .querySelector('.rsm-zoomable-group')!;

describe('RegionsMap', () => {
  it('zooms with + and -, pans with the arrow keys and resets with 0, keeping markers the same size on screen', async () => {
    await renderPage('/region-expansion');
    const frankfurt = await screen.findByRole('link', { name: frankfurtName });
    const map = screen.getByRole('group', { name: 'World map of Regions' });
    expect(map).toHaveAttribute('tabindex', '0');
    expect(map).toHaveAccessibleDescription(/press \+ and − to zoom/);
    const radiusAt1 = Number(shapeOf(frankfurt).getAttribute('r'));
    expect(zoomStatus()).toHaveTextContent('Zoom 1×');

    map.focus();
    await userEvent.keyboard('++');
    expect(zoomStatus()).toHaveTextContent('Zoom 4×');
    expect(zoomGroup().getAttribute('transform')).toMatch(/scale\(4\)$/);
    // Drawn at a quarter inside a group scaled 4×: the same on screen.
    expect(Number(shapeOf(frankfurt).getAttribute('r'))).toBeCloseTo(
      radiusAt1 / 4,
    );

    const before = zoomGroup().getAttribute('transform');
    await userEvent.keyboard('{ArrowRight}');
    const [, xBefore] = /translate\(([-\d.]+)/.exec(before!)!;
    const [, xAfter] = /translate\(([-\d.]+)/.exec(
      zoomGroup().getAttribute('transform')!,
    )!;
    // Looking further east moves the world left.
    expect(Number(xAfter)).toBeLessThan(Number(xBefore));

    await userEvent.keyboard('-');
    expect(zoomStatus()).toHaveTextContent('Zoom 2×');
    await userEvent.keyboard('0');
    expect(zoomStatus()).toHaveTextContent('Zoom 1×');
    expect(zoomGroup().getAttribute('transform')).toMatch(/scale\(1\)$/);
  });

  it('zooms and resets with visible buttons', async () => {
    await renderPage('/region-expansion');
    await screen.findByRole('link', { name: frankfurtName });
    const reset = screen.getByRole('button', { name: 'Reset view' });
    expect(reset).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Zoom out' })).toBeDisabled();

    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    await userEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(zoomStatus()).toHaveTextContent('Zoom 4×');
    expect(reset).toBeEnabled();
    await userEvent.click(reset);
    expect(zoomStatus()).toHaveTextContent('Zoom 1×');
  });

  it('keeps the keyboard focus indicator, drawn in the theme primary colour', async () => {
    await renderPage('/region-expansion', { theme: lightTheme });
    const frankfurt = await screen.findByRole('link', { name: frankfurtName });
    expect(frankfurt.getAttribute('style') ?? '').not.toMatch(/outline/);
    expect(ringOf(frankfurt)).toHaveAttribute(
      'stroke',
      lightTheme.palette.primary.main,
    );
    // The ring shows only on keyboard focus (`:focus-visible`).
    const rules = Array.from(document.styleSheets)
      .flatMap(sheet => Array.from(sheet.cssRules))
      .map(rule => rule.cssText)
      .join('\n');
    expect(rules).toMatch(
      /\.region-marker:focus-visible \.region-marker-focus-ring\s*\{\s*visibility: visible/,
    );
    expect(rules).toMatch(
      /\.region-marker:focus-visible\s*\{\s*outline: 2px solid/,
    );
  });

  it.each([
    ['light', lightTheme],
    ['dark', darkTheme],
  ])(
    'colours markers, outlines and legend from the %s theme',
    async (_mode, theme) => {
      await renderPage('/region-expansion', { theme });
      const frankfurt = await screen.findByRole('link', {
        name: frankfurtName,
      });
      const sovereign = screen.getByRole('link', { name: sovereignName });
      expect(shapeOf(frankfurt)).toHaveAttribute(
        'fill',
        theme.palette.error.main,
      );
      expect(shapeOf(frankfurt)).toHaveAttribute(
        'stroke',
        theme.palette.text.primary,
      );
      expect(shapeOf(sovereign)).toHaveAttribute(
        'fill',
        theme.palette.success.main,
      );
      const legend = screen.getByLabelText('Map legend');
      expect(
        getComputedStyle(within(legend).getByTestId('legend-pilot'))
          .backgroundColor,
      ).toBe(toRgb(theme.palette.warning.main));
    },
  );
});

/** `#rrggbb` as jsdom reports a computed colour. */
function toRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
