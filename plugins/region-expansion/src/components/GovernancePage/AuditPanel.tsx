import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import type {
  AuditControl,
  ConformanceScore,
} from '@region-expansion/plugin-region-expansion-common';

/**
 * Audit evidence: Audit Manager controls (closed to new AWS customers since
 * 2026-04-30) and their successor, AWS Config conformance pack scores.
 */
export function AuditPanel(props: {
  controls: AuditControl[];
  conformance: ConformanceScore[];
}) {
  const { controls, conformance } = props;
  return (
    <InfoCard
      title="Audit Manager and AWS Config"
      subheader={`${controls.length} Audit Manager controls · ${conformance.length} conformance packs`}
    >
      <Stack useFlexGap spacing={2}>
        <Typography variant="subtitle1" component="h3">
          AWS Config conformance packs
        </Typography>
        {conformance.length === 0 ? (
          <Typography variant="body2">
            No conformance pack scores for these filters.
          </Typography>
        ) : (
          <Table size="small" aria-label="AWS Config conformance packs">
            <TableHead>
              <TableRow>
                <TableCell>Pack</TableCell>
                <TableCell>Account / Region</TableCell>
                <TableCell>Compliance</TableCell>
                <TableCell align="right">Score</TableCell>
                <TableCell align="right">Non-compliant rules</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {conformance.map(pack => (
                <TableRow
                  key={`${pack.partition}/${pack.accountId}/${pack.region}/${pack.packName}`}
                >
                  <TableCell>{pack.packName}</TableCell>
                  <TableCell>
                    {pack.accountId} / {pack.region}
                  </TableCell>
                  <TableCell>{pack.complianceType}</TableCell>
                  <TableCell align="right">{pack.score}%</TableCell>
                  <TableCell align="right">
                    {pack.nonCompliantRules} of {pack.totalRules}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
        <Typography variant="subtitle1" component="h3">
          Audit Manager controls
        </Typography>
        {controls.length === 0 ? (
          <Typography variant="body2">
            No Audit Manager controls for these filters.
          </Typography>
        ) : (
          <Table size="small" aria-label="Audit Manager controls">
            <TableHead>
              <TableRow>
                <TableCell>Assessment</TableCell>
                <TableCell>Control</TableCell>
                <TableCell>Status</TableCell>
                <TableCell align="right">Evidence</TableCell>
                <TableCell align="right">Check issues</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {controls.map(control => (
                <TableRow
                  key={`${control.accountId}/${control.assessmentId}/${control.controlSetId}/${control.controlId}`}
                >
                  <TableCell>
                    {control.assessmentName} ({control.framework})
                  </TableCell>
                  <TableCell>{control.controlName}</TableCell>
                  <TableCell>{control.controlStatus}</TableCell>
                  <TableCell align="right">{control.evidenceCount}</TableCell>
                  <TableCell align="right">
                    {control.folders.reduce(
                      (sum, folder) => sum + folder.complianceCheckIssuesCount,
                      0,
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Stack>
    </InfoCard>
  );
}
