import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import TextField from '@mui/material/TextField';
import {
  READINESS_CHECKS,
  type ReadinessCheck,
  type ReadinessWaiverChange,
} from '@region-expansion/plugin-region-expansion-common';
import useAsyncFn from 'react-use/esm/useAsyncFn';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ServerErrorAlert } from '../shared/ServerErrorAlert';
import { SelectField } from '../shared/SelectField';
import { StackedForm } from '../shared/StackedForm';

/** Today plus `days`, as the `YYYY-MM-DD` a date input takes. */
function dateInputValue(days: number): string {
  const date = new Date(Date.now() + days * 24 * 3600 * 1000);
  return date.toISOString().slice(0, 10);
}

/**
 * Form of `POST /waivers`: which check, why, who approved it and until
 * when (end of the chosen day, UTC). The server validates and its message
 * is shown as is.
 */
export function WaiverForm(props: {
  locationId: string;
  defaultCheck?: ReadinessCheck;
  onAdded: (change: ReadinessWaiverChange) => void;
}) {
  const { locationId, onAdded } = props;
  const api = useRegionExpansionApi();
  const [check, setCheck] = useState<ReadinessCheck>(
    props.defaultCheck ?? 'availability',
  );
  const [reason, setReason] = useState('');
  const [approver, setApprover] = useState('');
  const [expiry, setExpiry] = useState(dateInputValue(30));

  const [state, submit] = useAsyncFn(async () => {
    const change = await api.addWaiver({
      body: {
        locationId,
        check,
        reason,
        approver,
        expiresAt: `${expiry}T23:59:59Z`,
      },
    });
    onAdded(change);
    return change;
  }, [api, locationId, check, reason, approver, expiry, onAdded]);

  return (
    <StackedForm
      label={`Add a waiver for ${locationId}`}
      maxWidth={560}
      onSubmit={() => submit()}
    >
      <SelectField
        label="Check"
        value={check}
        options={READINESS_CHECKS}
        onChange={value => value && setCheck(value)}
      />
      <TextField
        size="small"
        label="Reason"
        required
        multiline
        minRows={2}
        value={reason}
        onChange={event => setReason(event.target.value)}
      />
      <TextField
        size="small"
        label="Approver"
        required
        helperText="Who approved the exception, e.g. user:default/jane"
        value={approver}
        onChange={event => setApprover(event.target.value)}
      />
      <TextField
        size="small"
        label="Expires on"
        type="date"
        required
        InputLabelProps={{ shrink: true }}
        helperText="The waiver applies until the end of this day (UTC)"
        value={expiry}
        onChange={event => setExpiry(event.target.value)}
      />
      <ServerErrorAlert error={state.error} />
      {state.value && !state.loading && (
        <Alert severity="success">
          Waiver for {state.value.waiver.check} recorded; readiness is now{' '}
          {state.value.evaluation.level}.
        </Alert>
      )}
      <div>
        <Button type="submit" variant="contained" disabled={state.loading}>
          Add waiver
        </Button>
      </div>
    </StackedForm>
  );
}
