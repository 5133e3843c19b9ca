import Typography from '@mui/material/Typography';
import type { FootprintAssessment } from '@region-expansion/plugin-region-expansion-common';
import { DataTable, type DataColumn } from '../shared/DataTable';

type UsedService = FootprintAssessment['footprint']['services'][number];

/** Actions a row lists before it elides the rest. */
const SHOWN_ACTIONS = 5;

/**
 * Every service an assessed file uses: where it was seen, its actions, and
 * whether the location offers it (`unknown` while availability is).
 */
export function ServicesUsedTable(props: { result: FootprintAssessment }) {
  const { footprint, locationId, evaluation } = props.result;
  const gaps = new Set(props.result.availabilityGaps.map(g => g.service));
  const availabilityUnknown =
    evaluation.signals.availability.status === 'unknown';
  const offered = (service: UsedService) => {
    if (gaps.has(service.code)) return <strong>no</strong>;
    return availabilityUnknown ? 'unknown' : 'yes';
  };
  const columns: DataColumn<UsedService>[] = [
    { title: 'Service', cell: service => service.code },
    {
      title: 'Seen in',
      cell: service =>
        service.sources
          .map(s => (s === 'iac' ? 'code' : 'CloudTrail'))
          .join(', '),
    },
    {
      title: 'Actions',
      cell: service =>
        service.actions.length
          ? service.actions.slice(0, SHOWN_ACTIONS).join(', ') +
            (service.actions.length > SHOWN_ACTIONS ? ', …' : '')
          : '—',
    },
    { title: `Offered in ${locationId}`, cell: offered },
  ];
  return (
    <>
      <Typography variant="subtitle1" component="h3">
        Services used ({footprint.services.length})
      </Typography>
      <DataTable
        label="Services used"
        columns={columns}
        rows={footprint.services}
        rowKey={service => service.code}
        emptyText="No AWS service found in the file."
      />
    </>
  );
}
