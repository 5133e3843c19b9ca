import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { InfoCard } from '@backstage/core-components';
import type {
  AuditControl,
  ConformanceScore,
  CursorPage,
} from '@region-expansion/plugin-region-expansion-common';
import { DataTable, type DataColumn } from '../shared/DataTable';
import { ShowMoreRows } from '../shared/ShowMoreRows';
import { MorePages, useMorePages } from '../shared/useMorePages';

const CONFORMANCE_COLUMNS: DataColumn<ConformanceScore>[] = [
  { title: 'Pack', cell: pack => pack.packName },
  {
    title: 'Account / Region',
    cell: pack => `${pack.accountId} / ${pack.region}`,
  },
  { title: 'Compliance', cell: pack => pack.complianceType },
  { title: 'Score', numeric: true, cell: pack => `${pack.score}%` },
  {
    title: 'Non-compliant rules',
    numeric: true,
    cell: pack => `${pack.nonCompliantRules} of ${pack.totalRules}`,
  },
];

const CONTROL_COLUMNS: DataColumn<AuditControl>[] = [
  {
    title: 'Assessment',
    cell: control => `${control.assessmentName} (${control.framework})`,
  },
  { title: 'Control', cell: control => control.controlName },
  { title: 'Status', cell: control => control.controlStatus },
  { title: 'Evidence', numeric: true, cell: control => control.evidenceCount },
  {
    title: 'Check issues',
    numeric: true,
    cell: control =>
      control.folders.reduce(
        (sum, folder) => sum + folder.complianceCheckIssuesCount,
        0,
      ),
  },
];

/** "12" when every row is shown, "100+" while the server has more. */
function countOf(pages: MorePages<unknown>): string {
  return `${pages.items.length}${pages.hasMore ? '+' : ''}`;
}

/**
 * Audit evidence: Audit Manager controls (closed to new AWS customers since
 * 2026-04-30) and their successor, AWS Config conformance pack scores. Each
 * list shows its first page and reads the next on request.
 */
export function AuditPanel(props: {
  controls: CursorPage<AuditControl>;
  conformance: CursorPage<ConformanceScore>;
  loadControls: (cursor: string) => Promise<CursorPage<AuditControl>>;
  loadConformance: (cursor: string) => Promise<CursorPage<ConformanceScore>>;
}) {
  const controlPages = useMorePages(props.controls, props.loadControls);
  const conformancePages = useMorePages(
    props.conformance,
    props.loadConformance,
  );
  return (
    <InfoCard
      title="Audit Manager and AWS Config"
      subheader={`${countOf(controlPages)} Audit Manager controls · ${countOf(
        conformancePages,
      )} conformance packs`}
    >
      <Stack useFlexGap spacing={2}>
        <Typography variant="subtitle1" component="h3">
          AWS Config conformance packs
        </Typography>
        <DataTable
          label="AWS Config conformance packs"
          columns={CONFORMANCE_COLUMNS}
          rows={conformancePages.items}
          rowKey={pack =>
            `${pack.partition}/${pack.accountId}/${pack.region}/${pack.packName}`
          }
          emptyText="No conformance pack scores for these filters."
        />
        <ShowMoreRows pages={conformancePages} what="conformance packs" />
        <Typography variant="subtitle1" component="h3">
          Audit Manager controls
        </Typography>
        <DataTable
          label="Audit Manager controls"
          columns={CONTROL_COLUMNS}
          rows={controlPages.items}
          rowKey={control =>
            `${control.accountId}/${control.assessmentId}/${control.controlSetId}/${control.controlId}`
          }
          emptyText="No Audit Manager controls for these filters."
        />
        <ShowMoreRows pages={controlPages} what="Audit Manager controls" />
      </Stack>
    </InfoCard>
  );
}
