import { getContrastRatio, type Palette } from '@mui/material/styles';

/**
 * The palette's black or white, whichever reads better on `background`.
 * The theme's own `getContrastText` aims for 3:1 only, which leaves white
 * text on the warning orange at 3.1:1, below WCAG AA's 4.5:1 for chip text.
 */
export function readableTextColour(
  background: string,
  palette: Pick<Palette, 'common'>,
): string {
  const { black, white } = palette.common;
  return getContrastRatio(black, background) >=
    getContrastRatio(white, background)
    ? black
    : white;
}
