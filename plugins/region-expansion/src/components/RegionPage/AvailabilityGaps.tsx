import { InfoCard } from '@backstage/core-components';
import type {
  ReadinessBlocker,
  StoredReadinessEvaluation,
} from '@region-expansion/plugin-region-expansion-common';
import { DataTable, type DataColumn } from '../shared/DataTable';

const GAP_COLUMNS: DataColumn<ReadinessBlocker>[] = [
  { title: 'Service', cell: gap => gap.service ?? '—' },
  { title: 'Gap', cell: gap => gap.detail },
  { title: 'Remediation', cell: gap => gap.remediation },
];

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
      <DataTable
        label="Availability gaps"
        columns={GAP_COLUMNS}
        rows={gaps}
        rowKey={(gap, index) => `${gap.service}-${index}`}
        emptyText={
          waived
            ? 'The availability check is waived here.'
            : `No availability gaps: the availability signal is ${evaluation.signals.availability.status}.`
        }
      />
    </InfoCard>
  );
}
