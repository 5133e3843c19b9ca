import { useCallback, useState } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import {
  CAMPAIGN_LIMITS,
  type CampaignView,
} from '@region-expansion/plugin-region-expansion-common';
import { useCampaignManager } from '../../hooks/useCampaignManager';
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
  const { allowed, api, apply } = useCampaignManager(onChange);
  const [note, setNote] = useState('');
  const evaluate = useCallback(
    () => apply(api.evaluateCampaign({ path: { campaignId } })),
    [api, apply, campaignId],
  );
  const approve = useCallback(
    () =>
      apply(
        api.approveCampaignCost({
          path: { campaignId },
          body: note.trim() ? { note: note.trim() } : {},
        }),
      ),
    [api, apply, campaignId, note],
  );
  if (!allowed) return null;
  return (
    <Stack direction="row" spacing={3} flexWrap="wrap" useFlexGap>
      <ActionButton
        label="Re-evaluate gates"
        action={evaluate}
        done={() => 'Gates re-evaluated from the latest readiness evaluation.'}
      />
      {/* The note comes first: it is typed before approving. */}
      <Stack direction="row" spacing={1} alignItems="flex-start" useFlexGap>
        <TextField
          size="small"
          label="Approval note (optional)"
          value={note}
          inputProps={{ maxLength: CAMPAIGN_LIMITS.note }}
          onChange={event => setNote(event.target.value)}
        />
        <ActionButton
          label="Approve cost"
          action={approve}
          done={view =>
            `Cost approved by ${view.costApproval?.approvedBy ?? 'you'}.`
          }
        />
      </Stack>
    </Stack>
  );
}
