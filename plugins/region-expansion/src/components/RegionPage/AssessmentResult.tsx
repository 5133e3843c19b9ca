import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type {
  AssessedFileKind,
  DataClassification,
  FootprintAssessment,
} from '@region-expansion/plugin-region-expansion-common';
import { ReadinessChip } from '../shared/ReadinessChip';
import { formatTime } from '../shared/time';
import { BlockerList } from './BlockerList';
import { CrossRegionDependencies } from './CrossRegionDependencies';
import { ServicesUsedTable } from './ServicesUsedTable';
import { UnclassifiedReferences } from './UnclassifiedReferences';

const KIND_LABELS: Record<AssessedFileKind, string> = {
  cloudformation: 'CloudFormation template',
  'terraform-plan': 'Terraform plan',
  cloudtrail: 'CloudTrail log',
};

/** What one assessment found, most decisive first. */
export function AssessmentResult(props: {
  result: FootprintAssessment;
  classification?: DataClassification;
}) {
  const { result, classification } = props;
  const { evaluation, footprint, locationId } = result;
  const availabilityUnknown =
    evaluation.signals.availability.status === 'unknown';
  const otherBlockers = evaluation.blockers.filter(
    b => b.check !== 'availability' && b.check !== 'sovereignty',
  );
  const waiverNote = (check: 'availability' | 'sovereignty') => {
    const signal = evaluation.signals[check];
    return signal.waived ? (
      <Alert severity="info" role="note">
        The {check} check is waived for {locationId}
        {signal.waiver ? ` until ${formatTime(signal.waiver.expiresAt)}` : ''}:
        the findings below do not block the level.
      </Alert>
    ) : null;
  };

  return (
    <Stack
      useFlexGap
      spacing={2}
      component="section"
      aria-label="Assessment result"
    >
      <Stack useFlexGap direction="row" spacing={2} alignItems="center">
        <ReadinessChip level={evaluation.level} />
        <Typography variant="body2">
          {result.fileName} · {KIND_LABELS[result.kind]} · judged against{' '}
          {locationId} with its governance signals and active waivers; nothing
          was stored.
        </Typography>
      </Stack>

      <ServicesUsedTable result={result} />
      {availabilityUnknown && (
        <Typography variant="body2">
          {evaluation.signals.availability.detail}
        </Typography>
      )}

      {waiverNote('availability')}
      {result.availabilityGaps.length === 0 ? (
        !availabilityUnknown && (
          <Typography variant="body2">
            {locationId} offers every service the file uses.
          </Typography>
        )
      ) : (
        <BlockerList
          label={`Not offered in ${locationId}`}
          blockers={result.availabilityGaps}
        />
      )}

      {waiverNote('sovereignty')}
      {result.sovereigntyBlockers.length === 0 ? (
        <Typography variant="body2">
          No residency, partition or control-plane rule broken (judged for{' '}
          {classification ?? 'internal'} data).
        </Typography>
      ) : (
        <BlockerList
          label="Residency and partition blockers"
          blockers={result.sovereigntyBlockers}
        />
      )}

      <BlockerList
        label={`Other blockers at ${locationId}`}
        blockers={otherBlockers}
      />
      <BlockerList label="Open checks" blockers={evaluation.openChecks} />

      <CrossRegionDependencies dependencies={footprint.crossRegion} />
      <UnclassifiedReferences unknown={footprint.unknown} />
    </Stack>
  );
}
