import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import type { FootprintAssessment } from '@region-expansion/plugin-region-expansion-common';

/**
 * Every service an assessed file uses: where it was seen, its actions, and
 * whether the location offers it (`unknown` while availability is).
 */
export function ServicesUsedTable(props: { result: FootprintAssessment }) {
  const { footprint, locationId, evaluation } = props.result;
  const gaps = new Set(props.result.availabilityGaps.map(g => g.service));
  const availabilityUnknown =
    evaluation.signals.availability.status === 'unknown';
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        Services used ({footprint.services.length})
      </Typography>
      {footprint.services.length === 0 ? (
        <Typography variant="body2">
          No AWS service found in the file.
        </Typography>
      ) : (
        <Table size="small" aria-label="Services used">
          <TableHead>
            <TableRow>
              <TableCell>Service</TableCell>
              <TableCell>Seen in</TableCell>
              <TableCell>Actions</TableCell>
              <TableCell>Offered in {locationId}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {footprint.services.map(service => {
              let offered = 'yes';
              if (gaps.has(service.code)) offered = 'no';
              else if (availabilityUnknown) offered = 'unknown';
              return (
                <TableRow key={service.code}>
                  <TableCell>{service.code}</TableCell>
                  <TableCell>
                    {service.sources
                      .map(s => (s === 'iac' ? 'code' : 'CloudTrail'))
                      .join(', ')}
                  </TableCell>
                  <TableCell>
                    {service.actions.length
                      ? service.actions.slice(0, 5).join(', ') +
                        (service.actions.length > 5 ? ', …' : '')
                      : '—'}
                  </TableCell>
                  <TableCell>
                    {offered === 'no' ? <strong>no</strong> : offered}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
    </>
  );
}
