import { ReactNode } from 'react';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { ServerErrorAlert } from './ServerErrorAlert';

/**
 * A button that runs one call to the backend: disabled while it runs, then
 * what `done` says about its answer, or the server's message when it failed.
 * `children` explain the action below the button.
 */
export function ActionButton<T>(props: {
  label: string;
  variant?: 'contained' | 'outlined';
  action: () => Promise<T>;
  done?: (value: T) => ReactNode;
  children?: ReactNode;
}) {
  const { label, variant = 'outlined', action, done, children } = props;
  const [state, run] = useAsyncFn(action, [action]);
  return (
    <Stack useFlexGap spacing={1}>
      <div>
        <Button
          variant={variant}
          onClick={() => run()}
          disabled={state.loading}
        >
          {label}
        </Button>
      </div>
      {children}
      {done && state.value !== undefined && !state.loading && (
        <Typography variant="body2" role="status">
          {done(state.value)}
        </Typography>
      )}
      <ServerErrorAlert error={state.error} />
    </Stack>
  );
}
