import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { serverMessage } from '../shared/responseErrors';

/** "Evaluate now", shown only with the permission the route checks. */
export function EvaluateNowButton(props: {
  locationId: string;
  onEvaluated: () => void;
}) {
  const { locationId, onEvaluated } = props;
  const api = useRegionExpansionApi();
  const [state, evaluate] = useAsyncFn(async () => {
    const evaluation = await api.evaluateReadiness({ path: { locationId } });
    onEvaluated();
    return evaluation;
  }, [api, locationId, onEvaluated]);
  return (
    <Stack useFlexGap direction="row" spacing={2} alignItems="center">
      <Button
        variant="outlined"
        onClick={() => evaluate()}
        disabled={state.loading}
      >
        Evaluate now
      </Button>
      {state.error && (
        <Alert severity="error" role="alert">
          {serverMessage(state.error)}
        </Alert>
      )}
    </Stack>
  );
}
