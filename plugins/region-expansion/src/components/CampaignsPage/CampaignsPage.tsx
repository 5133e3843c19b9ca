import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { Content, EmptyState } from '@backstage/core-components';
import { campaignReadPermission } from '@region-expansion/plugin-region-expansion-common';
import { useCampaigns } from '../../hooks/useCampaigns';
import { useLocations } from '../../hooks/useLocations';
import { AsyncContent } from '../shared/AsyncContent';
import { FilterBar } from '../shared/FilterBar';
import { UrlFilterSelect } from '../shared/UrlFilterSelect';
import { useUrlFilters } from '../shared/useUrlFilters';
import { usePermissionGate } from '../shared/usePermissionGate';
import { CampaignsTable } from './CampaignsTable';

/** The URL query parameter of the location filter. */
const LOCATION_PARAM = 'location';

/** The campaigns, of the location the URL filters by when it does. */
function CampaignList() {
  const { searchParams } = useUrlFilters();
  const locationId = searchParams.get(LOCATION_PARAM) || undefined;
  const campaigns = useCampaigns(locationId);
  const locations = useLocations();
  const options = (locations.value ?? []).map(location => ({
    value: location.id,
    label: `${location.name} (${location.id})`,
  }));
  return (
    <Stack useFlexGap spacing={2}>
      <FilterBar label="Campaign filters">
        <UrlFilterSelect
          label="Location"
          param={LOCATION_PARAM}
          options={options}
        />
      </FilterBar>
      <AsyncContent {...campaigns}>
        {items =>
          items.length === 0 ? (
            <EmptyState
              missing="data"
              title={
                locationId
                  ? `No launch campaign for ${locationId}`
                  : 'No launch campaigns yet'
              }
              description="A campaign tracks the launch of one Region or Local Zone: its owner, target date, gates and planned tenants. Someone with the region-expansion.campaign.manage permission starts one through the API (POST /campaigns); it then appears here and on the location's catalog page."
            />
          ) : (
            <CampaignsTable campaigns={items} />
          )
        }
      </AsyncContent>
    </Stack>
  );
}

/**
 * Region launch campaigns (`/region-expansion/campaigns`): location, owner,
 * target date, gates passed, tenants onboarded and whether the target date
 * is at risk, filterable by location (`?location=`). Needs
 * `region-expansion.campaign.read`.
 */
export function CampaignsPage() {
  const gate = usePermissionGate(campaignReadPermission, 'Reading campaigns');
  return (
    <Content>
      <Stack useFlexGap spacing={3}>
        <div>
          <Typography variant="h4" component="h1">
            Launch campaigns
          </Typography>
          <Typography color="text.secondary">
            Each campaign launches one location by a target date: its gates
            (readiness, governance coverage, guardrail drift, blockers, cost
            approval) and the tenants planned for it.
          </Typography>
        </div>
        {gate === undefined ? <CampaignList /> : gate}
      </Stack>
    </Content>
  );
}
