import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import { formatMoney } from '../ComparePage/CostFigure';
import type {
  CampaignTimeToRevenue,
  CampaignView,
} from '@region-expansion/plugin-region-expansion-common';

/** Where the first spend date came from, said as the reader needs it. */
function spendSource(firstSpend: CampaignTimeToRevenue['firstSpend']): string {
  if (firstSpend.source === 'cost-explorer') return 'from Cost Explorer';
  return `from the campaign start: ${
    firstSpend.reason ?? 'Cost Explorer was not read'
  }`;
}

/** One labelled line of the panel. */
function Fact(props: { label: string; children: string }) {
  return (
    <Typography variant="body2">
      <strong>{props.label}:</strong> {props.children}
    </Typography>
  );
}

/**
 * Days from the first spend in the location to the first paying tenant,
 * with where the first spend date came from (Cost Explorer, or the
 * campaign's start when costs could not be read, and why) and what was
 * spent until then, or why that is not known.
 */
export function TimeToRevenuePanel(props: {
  value: CampaignTimeToRevenue;
  /** Tenants recorded as paying; they count once placed in the location. */
  payingTenants: CampaignView['payingTenants'];
}) {
  const { payingTenants } = props;
  const {
    firstSpend,
    firstPayingTenant,
    days,
    spendUntilFirstRevenue,
    reason,
  } = props.value;
  const why = reason ?? firstSpend.reason ?? 'not known yet';
  return (
    <InfoCard title="Time to revenue">
      <Stack useFlexGap spacing={1}>
        <Typography variant="h5" component="p">
          {days !== undefined ? `${days} days` : `Not yet: ${why}`}
        </Typography>
        <Fact label="First spend">
          {`${firstSpend.at.slice(0, 10)}, ${spendSource(firstSpend)}`}
        </Fact>
        <Fact label="First paying tenant">
          {firstPayingTenant
            ? `${firstPayingTenant.tenantId} since ${firstPayingTenant.at.slice(
                0,
                10,
              )}`
            : 'none yet'}
        </Fact>
        <Fact label="Recorded as paying">
          {payingTenants.length
            ? payingTenants
                .map(t => `${t.tenantId} since ${t.payingSince}`)
                .join(', ')
            : 'none'}
        </Fact>
        <Fact label="Spend until first revenue">
          {spendUntilFirstRevenue
            ? formatMoney(
                spendUntilFirstRevenue.amount,
                spendUntilFirstRevenue.currency,
              )
            : `not known: ${why}`}
        </Fact>
      </Stack>
    </InfoCard>
  );
}
