import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { ComparisonCost } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';

/** An amount with its currency, to the cent: `1,234.50 USD`. */
export function formatMoney(amount: number, currency = '') {
  const figure = amount.toLocaleString('en-US', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
  return currency ? `${figure} ${currency}` : figure;
}

/**
 * One monthly figure of a location's cost (per cell or per tenant) with
 * its currency, price date and a "synthetic" mark; without a price, "no
 * price" and why, never 0.
 */
export function CostFigure(props: {
  cost: ComparisonCost;
  per: 'monthlyPerCell' | 'monthlyPerTenant';
}) {
  const { cost, per } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const amount = cost[per];
  if (cost.status === 'no-price' || amount === undefined) {
    return (
      <>
        <Typography variant="body2" component="span" fontWeight={500}>
          {t('comparePage.noPrice')}
        </Typography>
        {cost.noPriceReasons.map(reason => (
          <Typography
            key={reason}
            variant="caption"
            color="text.secondary"
            display="block"
          >
            {reason}
          </Typography>
        ))}
      </>
    );
  }
  return (
    <>
      <Typography variant="body2" component="span">
        {formatMoney(amount, cost.currency)}
      </Typography>
      <Typography variant="caption" color="text.secondary" display="block">
        {[
          cost.priceDate &&
            t('comparePage.priceDate', { date: cost.priceDate }),
          cost.synthetic && t('comparePage.syntheticMark'),
        ]
          .filter(Boolean)
          .join(' · ')}
      </Typography>
    </>
  );
}
