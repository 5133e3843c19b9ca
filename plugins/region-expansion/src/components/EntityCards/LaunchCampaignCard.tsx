import Chip from '@mui/material/Chip';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import { InfoCard, Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useEntity } from '@backstage/plugin-catalog-react';
import { campaignReadPermission } from '@region-expansion/plugin-region-expansion-common';
import { useCampaigns } from '../../hooks/useCampaigns';
import { campaignRouteRef, campaignsRouteRef } from '../../routes';
import { AsyncContent } from '../shared/AsyncContent';
import { usePermissionGate } from '../shared/usePermissionGate';
import { LOCATION_ANNOTATION } from './conditions';

/** The location's campaigns, each linking to its campaign page. */
function CampaignLinks(props: { locationId: string }) {
  const { locationId } = props;
  const campaigns = useCampaigns(locationId);
  const campaignLink = useRouteRef(campaignRouteRef);
  return (
    <AsyncContent {...campaigns}>
      {items =>
        items.length === 0 ? (
          `No launch campaign for ${locationId}.`
        ) : (
          <List dense aria-label={`Launch campaigns of ${locationId}`}>
            {items.map(c => (
              <ListItem key={c.id} disableGutters>
                <ListItemText
                  primary={
                    <Link to={campaignLink({ campaignId: c.id })}>{c.id}</Link>
                  }
                  secondary={`Target ${c.targetDate} · ${c.gatesPassed} of ${c.gatesTotal} gates passed · ${c.tenantsOnboarded} of ${c.tenantsPlanned} tenants onboarded`}
                />
                {c.atRisk && (
                  <Chip size="small" color="error" label="at risk" />
                )}
              </ListItem>
            ))}
          </List>
        )
      }
    </AsyncContent>
  );
}

/**
 * The launch campaigns of the Region, Local Zone or Outpost an entity stands
 * for, so the catalog shows how its launch is going. Needs
 * `region-expansion.campaign.read`.
 *
 * @public
 */
export function LaunchCampaignCard() {
  const { entity } = useEntity();
  const locationId = entity.metadata.annotations?.[LOCATION_ANNOTATION] ?? '';
  const campaignsLink = useRouteRef(campaignsRouteRef);
  const gate = usePermissionGate(campaignReadPermission, 'Reading campaigns');
  return (
    <InfoCard
      title="Launch campaigns"
      deepLink={{
        title: 'All campaigns of this location',
        link: `${campaignsLink()}?location=${encodeURIComponent(locationId)}`,
      }}
    >
      {gate === undefined ? <CampaignLinks locationId={locationId} /> : gate}
    </InfoCard>
  );
}
