import { ReactNode } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { RankedLocation } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';
import { CostFigure, formatMoney } from './CostFigure';
import { gapText, latencyText } from './rankingText';

/** One line of the side-by-side: a label and what each location shows. */
interface Aspect {
  label: string;
  show: (row: RankedLocation) => ReactNode;
}

/**
 * Two to four ranked locations next to each other, one column each, one
 * line per aspect, so their differences read across.
 */
export function SideBySide(props: { label: string; rows: RankedLocation[] }) {
  const { label, rows } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const aspects: Aspect[] = [
    { label: t('comparePage.rankColumn'), show: row => row.rank },
    {
      label: t('comparePage.partitionAspect'),
      show: row => `${row.partition} · ${row.kind} · ${row.country}`,
    },
    {
      label: t('comparePage.gapsColumn'),
      show: row =>
        row.gaps.length === 0
          ? t('comparePage.noGaps')
          : [
              ...row.gaps.map(gapText),
              ...(row.gapCount > row.gaps.length
                ? [
                    t('comparePage.moreGaps', {
                      count: row.gapCount - row.gaps.length,
                    }),
                  ]
                : []),
            ].join('; '),
    },
    {
      label: t('comparePage.readinessColumn'),
      show: row => row.readiness.level,
    },
    {
      label: t('adviceCard.controlPlane'),
      show: row => row.advice.controlPlane.choice,
    },
    {
      label: t('adviceCard.isolation'),
      show: row => row.advice.isolation.choice,
    },
    {
      label: t('adviceCard.encryption'),
      show: row => row.advice.encryption.choice,
    },
    {
      label: t('comparePage.extrasAspect'),
      show: row =>
        row.cost.architectureExtras
          .map(extra =>
            extra.monthly === undefined
              ? `${extra.item} (${t('comparePage.noPrice')})`
              : `${extra.item} (${formatMoney(
                  extra.monthly,
                  row.cost.currency,
                )})`,
          )
          .join(', ') || t('comparePage.noGaps'),
    },
    {
      label: t('comparePage.cellsAspect'),
      show: row => row.cost.cellsNeeded,
    },
    {
      label: t('comparePage.perCellColumn'),
      show: row => <CostFigure cost={row.cost} per="monthlyPerCell" />,
    },
    {
      label: t('comparePage.perTenantColumn'),
      show: row => <CostFigure cost={row.cost} per="monthlyPerTenant" />,
    },
    {
      label: t('comparePage.latencyColumn'),
      show: row => latencyText(row.latency),
    },
  ];
  return (
    <Table size="small" aria-label={label}>
      <TableHead>
        <TableRow>
          <TableCell />
          {rows.map(row => (
            <TableCell key={row.locationId} component="th" scope="col">
              {row.name} ({row.locationId})
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {aspects.map(aspect => (
          <TableRow key={aspect.label}>
            <TableCell component="th" scope="row">
              {aspect.label}
            </TableCell>
            {rows.map(row => (
              <TableCell key={row.locationId}>{aspect.show(row)}</TableCell>
            ))}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
