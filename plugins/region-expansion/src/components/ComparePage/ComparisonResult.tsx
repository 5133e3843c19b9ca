import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { LocationComparison } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';
import { ClassRanking } from './ClassRanking';

/**
 * A comparison's answer: what it was computed from, a "synthetic prices"
 * warning whenever the answer says so, and one ranking per tenant class.
 */
export function ComparisonResult(props: { comparison: LocationComparison }) {
  const { comparison } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  return (
    <Stack useFlexGap spacing={3}>
      {comparison.synthetic && (
        <Alert severity="warning" role="note" aria-label="synthetic prices">
          {t('comparePage.synthetic')}
        </Alert>
      )}
      <Typography variant="body2" color="text.secondary">
        {t('comparePage.basis', {
          services: String(comparison.footprint.services),
          source:
            comparison.footprint.source === 'stored'
              ? t('comparePage.basisStored')
              : t('comparePage.basisRequest'),
          date: comparison.availabilityDate,
        })}
      </Typography>
      {comparison.classes.map(ranking => (
        <ClassRanking key={ranking.name} ranking={ranking} />
      ))}
    </Stack>
  );
}
