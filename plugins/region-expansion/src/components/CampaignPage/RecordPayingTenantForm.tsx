import { useCallback, useState } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { CampaignView } from '@region-expansion/plugin-region-expansion-common';
import { useCampaignManager } from '../../hooks/useCampaignManager';
import { ActionButton } from '../shared/ActionButton';
import { SelectField } from '../shared/SelectField';

/**
 * Records that a tenant named in the plan pays since a day
 * (`PUT /campaigns/:id/paying-tenants/:tenantId`), which is what time to
 * revenue counts to. For callers who may manage campaigns; the server
 * judges the tenant and the day, and a refusal shows its message.
 */
export function RecordPayingTenantForm(props: {
  campaign: CampaignView;
  onChange: (view: CampaignView) => void;
}) {
  const { campaign, onChange } = props;
  const { allowed, api, apply } = useCampaignManager(onChange);
  const [tenantId, setTenantId] = useState('');
  // Today in UTC, the calendar the server checks "not in the future" in.
  const [payingSince, setPayingSince] = useState(() =>
    new Date().toISOString().slice(0, 10),
  );
  const record = useCallback(async () => {
    // An empty path segment would reach no route: say what is missing.
    if (!tenantId) throw new Error('tenantId: choose a planned tenant');
    return apply(
      api.recordPayingTenant({
        path: { campaignId: campaign.id, tenantId },
        body: { payingSince },
      }),
    );
  }, [api, apply, campaign.id, tenantId, payingSince]);
  if (!allowed || campaign.plan.tenantIds.length === 0) return null;
  // The tenant and day come first: they are chosen before recording.
  return (
    <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
      <SelectField
        label="Planned tenant"
        value={tenantId}
        options={campaign.plan.tenantIds}
        onChange={setTenantId}
        minWidth={200}
      />
      <TextField
        size="small"
        type="date"
        label="Paying since"
        value={payingSince}
        onChange={event => setPayingSince(event.target.value)}
        InputLabelProps={{ shrink: true }}
      />
      <ActionButton
        label="Record paying tenant"
        action={record}
        done={() => `${tenantId} recorded as paying since ${payingSince}.`}
      />
    </Stack>
  );
}
