import { createTheme, getContrastRatio } from '@mui/material/styles';
import { readinessColours } from './readiness';
import { readableTextColour } from './readableTextColour';

describe('readableTextColour', () => {
  it.each(['light', 'dark'] as const)(
    'gives every readiness colour of the %s theme text at WCAG AA contrast (4.5:1)',
    mode => {
      const { palette } = createTheme({ palette: { mode } });
      const ratios = Object.entries(readinessColours(palette)).map(
        ([level, background]) => ({
          level,
          ratio: getContrastRatio(
            readableTextColour(background, palette),
            background,
          ),
        }),
      );
      for (const { level, ratio } of ratios) {
        expect({ level, atLeastAA: ratio >= 4.5 }).toEqual({
          level,
          atLeastAA: true,
        });
      }
    },
  );
});
