import { useState } from 'react';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { Progress } from '@backstage/core-components';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  DATA_CLASSIFICATIONS,
  TENANT_TIERS,
  type DataClassification,
  type TenantTier,
} from '@region-expansion/plugin-region-expansion-common';
import { useArchitectureAdvice } from '../../hooks/useArchitectureAdvice';
import { regionExpansionTranslationRef } from '../../translation';
import { SelectField } from '../shared/SelectField';
import { ServerErrorAlert } from '../shared/ServerErrorAlert';
import { AdviceChoices } from './AdviceChoices';

/** An ISO 3166-1 alpha-2 code: only a whole code is sent, not each keystroke. */
const COUNTRY_CODE = /^[A-Za-z]{2}$/;

/**
 * The tenant profile (classification, tier, data subjects' country) and
 * the advice for it in this location, read again on every change.
 */
export function ArchitectureAdvicePanel(props: { locationId: string }) {
  const { locationId } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  const [classification, setClassification] =
    useState<DataClassification>('confidential');
  const [tier, setTier] = useState<TenantTier | ''>('');
  const [homeCountry, setHomeCountry] = useState('');
  const country = homeCountry.trim();
  const advice = useArchitectureAdvice(locationId, {
    classification,
    tier: tier || undefined,
    homeCountry: COUNTRY_CODE.test(country) ? country.toUpperCase() : undefined,
  });
  return (
    <Stack useFlexGap spacing={2}>
      <Stack
        useFlexGap
        direction="row"
        spacing={2}
        flexWrap="wrap"
        component="form"
        aria-label={t('adviceCard.formLabel', { locationId })}
        onSubmit={event => event.preventDefault()}
      >
        <SelectField
          label={t('adviceCard.classification')}
          value={classification}
          options={DATA_CLASSIFICATIONS}
          onChange={value => value && setClassification(value)}
          minWidth={180}
        />
        <SelectField
          label={t('adviceCard.tier')}
          value={tier}
          options={TENANT_TIERS}
          emptyLabel={t('adviceCard.anyTier')}
          onChange={setTier}
          minWidth={180}
        />
        <TextField
          size="small"
          label={t('adviceCard.homeCountry')}
          value={homeCountry}
          onChange={event => setHomeCountry(event.target.value)}
          helperText={t('adviceCard.homeCountryHint', { locationId })}
        />
      </Stack>
      {advice.loading && <Progress />}
      <ServerErrorAlert error={advice.error} />
      {advice.value && !advice.loading && (
        <AdviceChoices answer={advice.value} />
      )}
    </Stack>
  );
}
