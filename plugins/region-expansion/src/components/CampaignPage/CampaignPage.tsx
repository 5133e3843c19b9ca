import { useParams } from 'react-router-dom';
import Grid from '@mui/material/Grid';
import Stack from '@mui/material/Stack';
import { Content, InfoCard } from '@backstage/core-components';
import { campaignReadPermission } from '@region-expansion/plugin-region-expansion-common';
import { useCampaign } from '../../hooks/useCampaign';
import { AsyncContent } from '../shared/AsyncContent';
import { usePermissionGate } from '../shared/usePermissionGate';
import { BurnUpChart } from './BurnUpChart';
import { CampaignActions } from './CampaignActions';
import { CampaignHeader } from './CampaignHeader';
import { GateHistoryTable } from './GateHistoryTable';
import { GatesTable } from './GatesTable';
import { RecordPayingTenantForm } from './RecordPayingTenantForm';
import { TimeToRevenuePanel } from './TimeToRevenuePanel';

/** The campaign, once read; the actions replace it with their answer. */
function CampaignContent(props: { campaignId: string }) {
  const { campaignId } = props;
  const campaign = useCampaign(campaignId);
  return (
    <AsyncContent {...campaign}>
      {view => (
        <Stack useFlexGap spacing={3}>
          <CampaignHeader campaign={view} />
          <CampaignActions campaignId={view.id} onChange={campaign.show} />
          <Grid container spacing={3}>
            <Grid item xs={12} lg={7}>
              <InfoCard title="Gates">
                <GatesTable gates={view.gates} />
              </InfoCard>
            </Grid>
            <Grid item xs={12} lg={5}>
              <Stack useFlexGap spacing={2}>
                <TimeToRevenuePanel
                  value={view.timeToRevenue}
                  payingTenants={view.payingTenants}
                />
                <RecordPayingTenantForm
                  campaign={view}
                  onChange={campaign.show}
                />
              </Stack>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Burn-up">
                <BurnUpChart
                  points={view.burnUp}
                  targetDate={view.targetDate}
                />
              </InfoCard>
            </Grid>
            <Grid item xs={12}>
              <InfoCard title="Gate history">
                <GateHistoryTable rows={view.history} />
              </InfoCard>
            </Grid>
          </Grid>
        </Stack>
      )}
    </AsyncContent>
  );
}

/**
 * One launch campaign (`/region-expansion/campaigns/:campaignId`): owner,
 * target date and location, its gates with their history, the burn-up to
 * the target date and the time to revenue. Needs
 * `region-expansion.campaign.read`; an unknown campaign shows the server's
 * 404 message.
 */
export function CampaignPage() {
  const campaignId = useParams().campaignId ?? '';
  const gate = usePermissionGate(campaignReadPermission, 'Reading campaigns');
  return (
    <Content>
      {gate === undefined ? <CampaignContent campaignId={campaignId} /> : gate}
    </Content>
  );
}
