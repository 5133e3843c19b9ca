import { makeStyles } from '@material-ui/core';

const useStyles = makeStyles({
  svg: {
    width: 'auto',
  },
  path: {
    fill: '#7df3e1',
  },
});

/** The sidebar's logo artwork: one path, `height` pixels high. */
export const LogoSvg = (props: {
  height: number;
  viewBox: string;
  d: string;
}) => {
  const classes = useStyles();

  return (
    <svg
      className={classes.svg}
      style={{ height: props.height }}
      xmlns="http://www.w3.org/2000/svg"
      viewBox={props.viewBox}
    >
      <path className={classes.path} d={props.d} />
    </svg>
  );
};
