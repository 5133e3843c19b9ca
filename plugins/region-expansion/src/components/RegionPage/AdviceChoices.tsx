import Alert from '@mui/material/Alert';
import Chip from '@mui/material/Chip';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useTranslationRef } from '@backstage/frontend-plugin-api';
import {
  ARCHITECTURE_RULES,
  type LocationAdvice,
} from '@region-expansion/plugin-region-expansion-common';
import { regionExpansionTranslationRef } from '../../translation';

const PARTS = ['controlPlane', 'isolation', 'encryption'] as const;

/**
 * The advice, part by part: the choice, the rule that decides it (its
 * text as a tooltip) and each reason with its own rule; then the
 * residency rules the location breaks for this profile.
 */
export function AdviceChoices(props: { answer: LocationAdvice }) {
  const { answer } = props;
  const { t } = useTranslationRef(regionExpansionTranslationRef);
  return (
    <Stack useFlexGap spacing={2}>
      {PARTS.map(part => {
        const choice = answer.advice[part];
        return (
          <section key={part} aria-label={t(`adviceCard.${part}`)}>
            <Stack useFlexGap direction="row" spacing={1} alignItems="center">
              <Typography variant="subtitle1" component="h3">
                {t(`adviceCard.${part}`)}: <strong>{choice.choice}</strong>
              </Typography>
              <Chip
                size="small"
                variant="outlined"
                label={t('adviceCard.rule', { rule: choice.rule })}
                title={ARCHITECTURE_RULES[choice.rule]}
              />
            </Stack>
            <ul>
              {choice.rationale.map((reason, index) => (
                <li key={index}>
                  {reason}
                  {choice.rules[index] && (
                    <Typography
                      component="span"
                      variant="caption"
                      color="text.secondary"
                    >
                      {' '}
                      ({t('adviceCard.rule', { rule: choice.rules[index] })})
                    </Typography>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
      {answer.residencyViolations.map(violation => (
        <Alert key={violation.rule} severity="warning">
          [{violation.regime}/{violation.rule}] {violation.detail}.{' '}
          {violation.remediation}
        </Alert>
      ))}
    </Stack>
  );
}
