import Chip from '@mui/material/Chip';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import type { CampaignSummary } from '@region-expansion/plugin-region-expansion-common';
import { campaignRouteRef, regionRouteRef } from '../../routes';
import { DataTable } from '../shared/DataTable';

/**
 * Campaigns as rows, in the server's order (target date, then id): each
 * links to its campaign page and its location's page, and says "at risk"
 * when the target date has passed or is near with a gate not passed.
 */
export function CampaignsTable(props: {
  campaigns: readonly CampaignSummary[];
}) {
  const campaignLink = useRouteRef(campaignRouteRef);
  const regionLink = useRouteRef(regionRouteRef);
  return (
    <DataTable
      label="Launch campaigns"
      rows={props.campaigns}
      rowKey={campaign => campaign.id}
      columns={[
        {
          title: 'Campaign',
          cell: c => (
            <Link to={campaignLink({ campaignId: c.id })}>{c.id}</Link>
          ),
        },
        {
          title: 'Location',
          cell: c => (
            <Link to={regionLink({ locationId: c.locationId })}>
              {c.locationId}
            </Link>
          ),
        },
        { title: 'Owner', cell: c => c.owner },
        { title: 'Target date', cell: c => c.targetDate },
        {
          title: 'Gates passed',
          numeric: true,
          cell: c => `${c.gatesPassed} / ${c.gatesTotal}`,
        },
        {
          title: 'Tenants onboarded',
          numeric: true,
          cell: c => `${c.tenantsOnboarded} / ${c.tenantsPlanned}`,
        },
        {
          title: 'Status',
          cell: c =>
            c.atRisk ? (
              <Chip size="small" color="error" label="at risk" />
            ) : (
              <Chip size="small" variant="outlined" label="on track" />
            ),
        },
      ]}
    />
  );
}
