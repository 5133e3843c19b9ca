import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import type { StoredReadinessEvaluation } from '@region-expansion/plugin-region-expansion-common';

/**
 * Services of the application-plane footprint this location lacks, read
 * from the availability signal's blockers and open checks.
 */
export function AvailabilityGaps(props: {
  evaluation: StoredReadinessEvaluation;
  footprintSource?: string;
  footprintServices?: number;
}) {
  const { evaluation, footprintSource, footprintServices } = props;
  const gaps = [...evaluation.blockers, ...evaluation.openChecks].filter(
    blocker => blocker.check === 'availability',
  );
  const waived = evaluation.signals.availability.waived;
  return (
    <InfoCard
      title="Availability gaps for the application plane"
      subheader={
        footprintSource
          ? `Footprint of ${footprintServices} services from ${footprintSource}`
          : 'No application-plane footprint readable; gaps come from the availability signal'
      }
    >
      {gaps.length === 0 ? (
        <Typography variant="body2">
          {waived
            ? 'The availability check is waived here.'
            : `No availability gaps: the availability signal is ${evaluation.signals.availability.status}.`}
        </Typography>
      ) : (
        <Table size="small" aria-label="Availability gaps">
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell>Gap</TableCell>
              <TableCell>Remediation</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {gaps.map((gap, index) => (
              <TableRow key={`${gap.service}-${index}`}>
                <TableCell>{gap.service ?? '—'}</TableCell>
                <TableCell>{gap.detail}</TableCell>
                <TableCell>{gap.remediation}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </InfoCard>
  );
}
