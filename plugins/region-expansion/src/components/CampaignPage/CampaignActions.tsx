import { useCallback, useState } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { usePermission } from '@backstage/plugin-permission-react';
import {
  CAMPAIGN_LIMITS,
  campaignManagePermission,
  type CampaignView,
} from '@region-expansion/plugin-region-expansion-common';
import { useRegionExpansionApi } from '../../hooks/useRegionExpansionApi';
import { ActionButton } from '../shared/ActionButton';

/**
 * "Re-evaluate gates" and "Approve cost", for callers the permission
 * framework lets manage campaigns; readers see neither. Each answer (the
 * campaign as it now is) goes to `onChange`; a refusal shows the server's
 * message.
 */
export function CampaignActions(props: {
  campaignId: string;
  onChange: (view: CampaignView) => void;
}) {
  const { campaignId, onChange } = props;
  const api = useRegionExpansionApi();
  const { allowed } = usePermission({ permission: campaignManagePermission });
  const [note, setNote] = useState('');
  const evaluate = useCallback(
    async () =>
      onChangeWith(
        await api.evaluateCampaign({ path: { campaignId } }),
        onChange,
      ),
    [api, campaignId, onChange],
  );
  const approve = useCallback(
    async () =>
      onChangeWith(
        await api.approveCampaignCost({
          path: { campaignId },
          body: note.trim() ? { note: note.trim() } : {},
        }),
        onChange,
      ),
    [api, campaignId, note, onChange],
  );
  if (!allowed) return null;
  return (
    <Stack direction="row" spacing={3} flexWrap="wrap" useFlexGap>
      <ActionButton
        label="Re-evaluate gates"
        action={evaluate}
        done={() => 'Gates re-evaluated from the latest readiness evaluation.'}
      />
      <ActionButton
        label="Approve cost"
        action={approve}
        done={view =>
          `Cost approved by ${view.costApproval?.approvedBy ?? 'you'}.`
        }
      >
        <TextField
          size="small"
          label="Approval note (optional)"
          value={note}
          inputProps={{ maxLength: CAMPAIGN_LIMITS.note }}
          onChange={event => setNote(event.target.value)}
        />
      </ActionButton>
    </Stack>
  );
}

/** Hands the new view to the page and answers it to the button. */
function onChangeWith(
  view: CampaignView,
  onChange: (view: CampaignView) => void,
) {
  onChange(view);
  return view;
}
