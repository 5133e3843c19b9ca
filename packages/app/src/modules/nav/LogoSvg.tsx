/** The sidebar's logo artwork: one path, `height` pixels high. */
export const LogoSvg = (props: {
  height: number;
  viewBox: string;
  d: string;
}) => (
  <svg
    style={{ width: 'auto', height: props.height }}
    xmlns="http://www.w3.org/2000/svg"
    viewBox={props.viewBox}
  >
    <path style={{ fill: '#7df3e1' }} d={props.d} />
  </svg>
);
