import Accordion from '@mui/material/Accordion';
import AccordionDetails from '@mui/material/AccordionDetails';
import AccordionSummary from '@mui/material/AccordionSummary';
import Typography from '@mui/material/Typography';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import type { Partition } from '@region-expansion/plugin-region-expansion-common';
import { WhatIfForm } from './WhatIfForm';

/**
 * "What if N tenants of this profile arrived?": runs the placement engine
 * without writing (POST /placements/what-if) and lists the cells to create
 * and the quota increases to request.
 *
 * A section that opens on demand (`whatIf=open` in the URL, so it can be
 * linked): the tenants table is what most visits are for, so the form, its
 * permission check and its template cell load only once it is opened and
 * do not compete with the table for the first second of the page.
 */
export function WhatIfSection(props: {
  partitions: Partition[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const { partitions, open, onOpenChange } = props;
  return (
    <Accordion
      expanded={open}
      onChange={(_event, expanded) => onOpenChange(expanded)}
      TransitionProps={{ unmountOnExit: true }}
      variant="outlined"
      disableGutters
    >
      <AccordionSummary
        expandIcon={<ExpandMoreIcon />}
        aria-controls="what-if-content"
        id="what-if-header"
      >
        <Typography variant="h6" component="h2">
          What if new tenants arrive?
        </Typography>
      </AccordionSummary>
      <AccordionDetails id="what-if-content">
        <WhatIfForm partitions={partitions} />
      </AccordionDetails>
    </Accordion>
  );
}
