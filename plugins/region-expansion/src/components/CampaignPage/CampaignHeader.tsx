import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import type { CampaignView } from '@region-expansion/plugin-region-expansion-common';
import { formatMoney } from '../ComparePage/CostFigure';
import { regionRouteRef } from '../../routes';
import { formatTime } from '../shared/time';

/** What the recorded cost approval says, or that there is none. */
function approvalText(approval: CampaignView['costApproval']): string {
  if (!approval) return 'Cost not approved yet.';
  const by = `Cost approved by ${approval.approvedBy} on ${formatTime(
    approval.approvedAt,
  )}`;
  const estimate =
    approval.monthlyPerTenant !== undefined
      ? `${formatMoney(
          approval.monthlyPerTenant,
          approval.currency,
        )} per tenant per month`
      : `no estimate was priced: ${
          approval.unpricedReason ?? 'no reason given'
        }`;
  return `${by}: ${estimate}${approval.note ? ` (${approval.note})` : ''}.`;
}

/** The campaign's name, owner, target date, location and cost approval. */
export function CampaignHeader(props: { campaign: CampaignView }) {
  const { campaign } = props;
  const regionLink = useRouteRef(regionRouteRef);
  const planned =
    campaign.plan.tenantIds.length +
    campaign.plan.classes.reduce((sum, c) => sum + c.count, 0);
  return (
    <Stack useFlexGap spacing={0.5}>
      <Typography variant="h4" component="h1">
        {`Campaign ${campaign.id}`}
      </Typography>
      <Typography>
        {'Launches '}
        <Link to={regionLink({ locationId: campaign.locationId })}>
          {campaign.locationId}
        </Link>
        {` by ${campaign.targetDate}, owned by ${campaign.owner}; ${planned} tenants planned.`}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {`Started ${formatTime(campaign.createdAt)} by ${
          campaign.createdBy
        }. ${approvalText(campaign.costApproval)}`}
      </Typography>
    </Stack>
  );
}
