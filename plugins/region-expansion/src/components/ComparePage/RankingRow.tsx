import { useId, useState } from 'react';
import Checkbox from '@mui/material/Checkbox';
import IconButton from '@mui/material/IconButton';
import TableCell from '@mui/material/TableCell';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowUpIcon from '@mui/icons-material/KeyboardArrowUp';
import { Link } from '@backstage/core-components';
import { useRouteRef } from '@backstage/core-plugin-api';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { RankedLocation } from '@region-expansion/plugin-region-expansion-common';
import { regionRouteRef } from '../../routes';
import { regionExpansionTranslationRef } from '../../translation';
import { ReadinessChip } from '../shared/ReadinessChip';
import { CostFigure } from './CostFigure';
import { adviceSummary, gapText, latencyText } from './rankingText';

/** Columns of a row, the selection and "why" toggle included. */
export const RANKING_COLUMNS = 10;

/**
 * One ranked location: selectable for the side-by-side, with its "why"
 * (reasons, gaps with their rules, the advice's rationale) below it on
 * demand.
 */
export function RankingRow(props: {
  row: RankedLocation;
  selected: boolean;
  /** False once four others are selected. */
  selectable: boolean;
  onSelect: (selected: boolean) => void;
}) {
  const { row, selected, selectable, onSelect } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const regionLink = useRouteRef(regionRouteRef);
  const [open, setOpen] = useState(false);
  // A location shows once per tenant class: ids must differ between them.
  const whyId = useId();
  return (
    <>
      <TableRow selected={selected}>
        <TableCell padding="checkbox">
          <Checkbox
            checked={selected}
            disabled={!selected && !selectable}
            onChange={event => onSelect(event.target.checked)}
            inputProps={{
              'aria-label': t('comparePage.selectRow', { name: row.name }),
              title:
                !selected && !selectable
                  ? t('comparePage.selectionFull')
                  : undefined,
            }}
          />
        </TableCell>
        <TableCell align="right">{row.rank}</TableCell>
        <TableCell>
          <Link to={regionLink({ locationId: row.locationId })}>
            {row.name}
          </Link>
          <Typography variant="caption" color="text.secondary" display="block">
            {row.locationId} · {row.kind} · {row.partition}
          </Typography>
        </TableCell>
        <TableCell>
          {row.gaps.length === 0
            ? t('comparePage.noGaps')
            : row.gaps.map((gap, index) => (
                // Two gaps may read alike (the same rule for two services' actions).
                <Typography key={index} variant="body2">
                  {gapText(gap)}
                </Typography>
              ))}
          {row.gapCount > row.gaps.length && (
            <Typography variant="caption" color="text.secondary">
              {t('comparePage.moreGaps', {
                count: row.gapCount - row.gaps.length,
              })}
            </Typography>
          )}
        </TableCell>
        <TableCell>
          <ReadinessChip level={row.readiness.level} />
        </TableCell>
        <TableCell>{adviceSummary(row.advice)}</TableCell>
        <TableCell align="right">
          <CostFigure cost={row.cost} per="monthlyPerCell" />
        </TableCell>
        <TableCell align="right">
          <CostFigure cost={row.cost} per="monthlyPerTenant" />
        </TableCell>
        <TableCell>{latencyText(row.latency)}</TableCell>
        <TableCell padding="checkbox">
          <IconButton
            size="small"
            aria-label={t('comparePage.whyToggle', { name: row.name })}
            aria-expanded={open}
            aria-controls={whyId}
            onClick={() => setOpen(!open)}
          >
            {open ? <KeyboardArrowUpIcon /> : <KeyboardArrowDownIcon />}
          </IconButton>
        </TableCell>
      </TableRow>
      {open && (
        <TableRow id={whyId}>
          <TableCell colSpan={RANKING_COLUMNS}>
            <Typography
              variant="subtitle2"
              component="h4"
              id={`${whyId}-heading`}
            >
              {t('comparePage.whyHeading', {
                name: row.name,
                rank: String(row.rank),
              })}
            </Typography>
            <ul aria-labelledby={`${whyId}-heading`}>
              {row.why.map((line, index) => (
                <li key={`why ${index}`}>{line}</li>
              ))}
              {row.gaps.map((gap, index) => (
                <li key={`gap ${index}`}>{gapText(gap)}</li>
              ))}
              {(['controlPlane', 'isolation', 'encryption'] as const).map(
                part => (
                  <li key={part}>
                    {t(`adviceCard.${part}`)}: {row.advice[part].choice}
                    {row.advice[part].rule &&
                      ` (${t('adviceCard.rule', {
                        rule: row.advice[part].rule,
                      })})`}
                    : {row.advice[part].rationale.join('; ')}
                  </li>
                ),
              )}
              {row.cost.architectureExtras.map((extra, index) => (
                <li key={`extra ${index}`}>
                  {extra.item}: {extra.reason}
                </li>
              ))}
            </ul>
          </TableCell>
        </TableRow>
      )}
    </>
  );
}
