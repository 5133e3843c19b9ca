import { Link } from '@backstage/core-components';
import type {
  ResultHighlight,
  SearchDocument,
} from '@backstage/plugin-search-common';
import { HighlightedSearchResultText } from '@backstage/plugin-search-react';
import ApartmentIcon from '@mui/icons-material/Apartment';
import DnsIcon from '@mui/icons-material/Dns';
import LocationCityIcon from '@mui/icons-material/LocationCity';
import PublicIcon from '@mui/icons-material/Public';
import ViewModuleIcon from '@mui/icons-material/ViewModule';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import ListItemIcon from '@mui/material/ListItemIcon';
import ListItemText from '@mui/material/ListItemText';
import Typography from '@mui/material/Typography';
import type { RegionExpansionSearchDocument } from '@region-expansion/plugin-region-expansion-common';
import type { ReactNode } from 'react';

type Kind = RegionExpansionSearchDocument['kind'];

const KINDS: Record<Kind, { label: string; icon: ReactNode }> = {
  region: { label: 'Region', icon: <PublicIcon /> },
  'local-zone': { label: 'Local Zone', icon: <LocationCityIcon /> },
  outpost: { label: 'Outpost', icon: <DnsIcon /> },
  cell: { label: 'Cell', icon: <ViewModuleIcon /> },
  tenant: { label: 'Tenant', icon: <ApartmentIcon /> },
};

/**
 * Props of {@link RegionExpansionSearchResultListItem}, as the search page
 * passes them to a result renderer.
 *
 * @public
 */
export interface RegionExpansionSearchResultListItemProps {
  /** The indexed document of a `region-expansion-*` result. */
  result?: SearchDocument;
  /** Matched terms, to mark in the title and text. */
  highlight?: ResultHighlight;
  /** Rank of the result, for analytics. */
  rank?: number;
  /** Replaces the icon of the result's kind. */
  icon?: ReactNode;
  /** Lines of text shown before it is cut. */
  lineClamp?: number;
}

/** The facts a reader scans for: partition and readiness, or where it is. */
function facts(doc: RegionExpansionSearchDocument): string[] {
  switch (doc.kind) {
    case 'cell':
      return [
        `Partition ${doc.partition}`,
        `Location ${doc.locationId}`,
        `Lifecycle ${doc.lifecycle}`,
        `${doc.tenantCount} of ${doc.tenantCapacity} tenants`,
      ];
    case 'tenant':
      return [
        `Tier ${doc.tier}`,
        doc.cellId ? `Cell ${doc.cellId}` : 'Not placed',
        ...(doc.partition ? [`Partition ${doc.partition}`] : []),
      ];
    default:
      return [
        `Partition ${doc.partition}`,
        `Readiness ${doc.readiness ?? 'not evaluated'}`,
      ];
  }
}

function Highlighted(props: {
  field: 'title' | 'text';
  highlight?: ResultHighlight;
  plain: string;
}) {
  const { field, highlight, plain } = props;
  const text = highlight?.fields[field];
  return text && highlight ? (
    <HighlightedSearchResultText
      text={text}
      preTag={highlight.preTag}
      postTag={highlight.postTag}
    />
  ) : (
    <>{plain}</>
  );
}

/**
 * A search result for a Region, Local Zone, Outpost, cell or tenant: the
 * kind's icon, the title linking to its page, the text with the matched
 * terms marked, a kind chip and the partition and readiness (or placement).
 *
 * @public
 */
export function RegionExpansionSearchResultListItem(
  props: RegionExpansionSearchResultListItemProps,
) {
  const doc = props.result as RegionExpansionSearchDocument | undefined;
  if (!doc) return null;
  const kind = KINDS[doc.kind];
  return (
    <Box sx={{ display: 'flex' }}>
      <ListItemIcon>{props.icon ?? kind?.icon}</ListItemIcon>
      <Box sx={{ flexWrap: 'wrap' }}>
        <ListItemText
          sx={{ width: '100%', wordBreak: 'break-all', mb: 1 }}
          primaryTypographyProps={{ variant: 'h6' }}
          primary={
            <Link noTrack to={doc.location}>
              <Highlighted
                field="title"
                highlight={props.highlight}
                plain={doc.title}
              />
            </Link>
          }
          secondary={
            <Typography
              component="span"
              variant="body2"
              color="text.secondary"
              sx={{
                display: '-webkit-box',
                WebkitBoxOrient: 'vertical',
                WebkitLineClamp: props.lineClamp,
                overflow: 'hidden',
              }}
            >
              <Highlighted
                field="text"
                highlight={props.highlight}
                plain={doc.text}
              />
            </Typography>
          }
        />
        <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
          {kind && <Chip size="small" label={kind.label} />}
          {facts(doc).map(fact => (
            <Typography key={fact} variant="body2" color="text.secondary">
              {fact}
            </Typography>
          ))}
        </Box>
      </Box>
    </Box>
  );
}
