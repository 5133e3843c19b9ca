import { ReactNode } from 'react';
import Stack from '@mui/material/Stack';

/**
 * A labelled row of filters that wraps on narrow screens. A form, so
 * assistive technology can find it by its name; it never submits (the
 * filters apply as they change).
 */
export function FilterBar(props: { label: string; children: ReactNode }) {
  return (
    <Stack
      direction="row"
      spacing={2}
      flexWrap="wrap"
      useFlexGap
      component="form"
      aria-label={props.label}
      onSubmit={event => event.preventDefault()}
    >
      {props.children}
    </Stack>
  );
}
