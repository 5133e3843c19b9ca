import Alert from '@mui/material/Alert';
import { serverMessage } from './responseErrors';

/** A failed call's own message as an alert; nothing without an error. */
export function ServerErrorAlert(props: { error?: Error }) {
  const { error } = props;
  if (!error) return null;
  return (
    <Alert severity="error" role="alert">
      {serverMessage(error)}
    </Alert>
  );
}
