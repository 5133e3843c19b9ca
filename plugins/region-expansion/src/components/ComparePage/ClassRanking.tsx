import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { EmptyState } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import type { LocationComparison } from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';
import { RankingTable } from './RankingTable';
import { SideBySide } from './SideBySide';

/**
 * The ranking of one tenant class: the table, and the side-by-side of the
 * two to four rows selected in it.
 */
export function ClassRanking(props: {
  ranking: LocationComparison['classes'][number];
}) {
  const { ranking } = props;
  const { name } = ranking;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const [chosen, setChosen] = useState<string[]>([]);
  // A new answer for the same class may lack a location chosen before.
  const sideBySide = chosen.flatMap(
    id => ranking.ranked.find(row => row.locationId === id) ?? [],
  );
  const selected = sideBySide.map(row => row.locationId);
  return (
    <Stack useFlexGap spacing={2} component="section" aria-label={name}>
      <Typography variant="h5" component="h2">
        {t('comparePage.resultHeading', { name })}
      </Typography>
      {ranking.ranked.length === 0 ? (
        <EmptyState
          missing="data"
          title={t('comparePage.noCandidatesTitle')}
          description={t('comparePage.noCandidatesDescription')}
        />
      ) : (
        <>
          {ranking.qualifying === 0 && (
            <Alert severity="warning">
              {t('comparePage.noneQualifies', { name })}
            </Alert>
          )}
          <RankingTable
            label={t('comparePage.tableLabel', { name })}
            rows={ranking.ranked}
            selected={selected}
            onSelectedChange={setChosen}
          />
          <Typography variant="h6" component="h3">
            {t('comparePage.sideBySideHeading')}
          </Typography>
          {sideBySide.length < 2 ? (
            <Typography variant="body2" color="text.secondary" role="status">
              {t('comparePage.selectionHint')}
            </Typography>
          ) : (
            <SideBySide
              label={t('comparePage.sideBySideLabel', { name })}
              rows={sideBySide}
            />
          )}
        </>
      )}
    </Stack>
  );
}
