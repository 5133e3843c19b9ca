import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import { TenantImportPage } from '../TenantImportPage';

/**
 * The tenant import in a dialog over the tenants table, so importing needs
 * no route of its own and the table is right there after.
 */
export function TenantImportDialog(props: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const { open, onClose, onImported } = props;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      fullWidth
      maxWidth="md"
      aria-labelledby="tenant-import-title"
    >
      <DialogTitle id="tenant-import-title">Import tenants</DialogTitle>
      <DialogContent>
        {/* Mounted only while open: a closed dialog loads nothing. */}
        {open && <TenantImportPage onImported={onImported} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Close</Button>
      </DialogActions>
    </Dialog>
  );
}
