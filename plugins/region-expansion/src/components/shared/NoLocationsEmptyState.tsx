import Button from '@mui/material/Button';
import { EmptyState } from '@backstage/core-components';
import { docsLink } from './docsLinks';

/**
 * Empty state shown when the backend knows no locations: Regions come from
 * the backend's bundled snapshot, so nobody in the portal can add them; it
 * says so, and who can fix it with which guide.
 */
export function NoLocationsEmptyState() {
  return (
    <EmptyState
      missing="data"
      title="No locations known yet"
      description="The Region Expansion backend answered, but lists no partitions or Regions: its bundled Region list did not load. Ask the team that runs this portal to check the backend plugin's installation; the Regions then appear here by themselves."
      action={
        <Button
          variant="contained"
          href={docsLink('install.md', '1-the-backend-plugin-and-its-modules')}
          target="_blank"
          rel="noopener"
        >
          Open the install guide
        </Button>
      }
    />
  );
}
