import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ActionButton } from '../shared/ActionButton';

/** "Evaluate now", shown only with the permission the route checks. */
export function EvaluateNowButton(props: {
  locationId: string;
  onEvaluated: () => void;
}) {
  const { locationId, onEvaluated } = props;
  const api = useRegionExpansionApi();
  return (
    <ActionButton
      label="Evaluate now"
      action={async () => {
        await api.evaluateReadiness({ path: { locationId } });
        onEvaluated();
      }}
    />
  );
}
