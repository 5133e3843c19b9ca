import Chip from '@mui/material/Chip';
import { useTheme } from '@mui/material/styles';
import { readableTextColour } from './readableTextColour';

/**
 * A small chip filled with a status colour, its text dark or light as the
 * colour needs (light colours of a dark theme need dark text, and the
 * other way round).
 */
export function ColouredChip(props: {
  label: string;
  colour: string;
  minWidth?: number;
  maxWidth?: number;
}) {
  const { label, colour, minWidth, maxWidth } = props;
  const { palette } = useTheme();
  return (
    <Chip
      size="small"
      label={label}
      sx={{
        bgcolor: colour,
        color: readableTextColour(colour, palette),
        minWidth,
        maxWidth,
      }}
    />
  );
}
