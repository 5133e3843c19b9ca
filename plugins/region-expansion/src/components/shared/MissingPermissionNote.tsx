import Typography from '@mui/material/Typography';

/** Says which permission an action needs instead of silently hiding it. */
export function MissingPermissionNote(props: {
  action: string;
  permission: string;
}) {
  return (
    <Typography variant="body2" color="text.secondary" role="note">
      {props.action} needs the <code>{props.permission}</code> permission.
    </Typography>
  );
}
