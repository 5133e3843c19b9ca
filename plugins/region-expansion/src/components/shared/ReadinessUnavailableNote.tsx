import Alert from '@mui/material/Alert';
import { serverMessage } from './responseErrors';

/**
 * Says why every level shows as `unknown` when readiness could not be read,
 * with the server's message.
 */
export function ReadinessUnavailableNote(props: { error?: Error }) {
  if (!props.error) return null;
  return (
    <Alert severity="info" role="note">
      Readiness could not be read, so every level shows as unknown (never as
      ready): {serverMessage(props.error)}
    </Alert>
  );
}
