import { FormEvent, ReactNode } from 'react';
import Stack from '@mui/material/Stack';

/**
 * A named form of fields one under another, at most `maxWidth` wide.
 * Submitting calls `onSubmit` instead of reloading the page.
 */
export function StackedForm(props: {
  label: string;
  maxWidth: number;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const { label, maxWidth, onSubmit, children } = props;
  return (
    <Stack
      useFlexGap
      component="form"
      aria-label={label}
      spacing={2}
      onSubmit={(event: FormEvent) => {
        event.preventDefault();
        onSubmit();
      }}
      sx={{ maxWidth }}
    >
      {children}
    </Stack>
  );
}
