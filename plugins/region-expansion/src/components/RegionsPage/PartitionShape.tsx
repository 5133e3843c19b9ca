/**
 * Marker shape per partition, so partitions stay distinguishable without
 * colour (colour already encodes readiness). Unlisted partitions get a
 * dashed circle.
 */
const PARTITION_SHAPES: Readonly<
  Record<string, 'circle' | 'diamond' | 'square' | 'triangle'>
> = {
  aws: 'circle',
  'aws-eusc': 'diamond',
  'aws-us-gov': 'square',
  'aws-cn': 'triangle',
};

/** Human description of a partition's marker, for the legend. */
export function partitionShapeName(partition: string): string {
  return PARTITION_SHAPES[partition] ?? 'dashed circle';
}

/**
 * An SVG shape of radius `size` centred on the origin, outlined in
 * `stroke` (the theme's text colour, so it shows on light and dark maps).
 */
export function PartitionShape(props: {
  partition: string;
  size: number;
  fill: string;
  stroke: string;
  strokeWidth: number;
}) {
  const { partition, size, fill, stroke, strokeWidth } = props;
  const common = { fill, stroke, strokeWidth, fillOpacity: 0.9 };
  switch (PARTITION_SHAPES[partition]) {
    case 'circle':
      return <circle r={size} {...common} />;
    case 'diamond':
      return (
        <polygon
          points={`0,${-size * 1.3} ${size * 1.3},0 0,${size * 1.3} ${
            -size * 1.3
          },0`}
          {...common}
        />
      );
    case 'square':
      return (
        <rect
          x={-size}
          y={-size}
          width={size * 2}
          height={size * 2}
          {...common}
        />
      );
    case 'triangle':
      return (
        <polygon
          points={`0,${-size * 1.3} ${size * 1.2},${size} ${
            -size * 1.2
          },${size}`}
          {...common}
        />
      );
    default:
      return (
        <circle
          r={size}
          {...common}
          strokeDasharray={`${3 * strokeWidth} ${2 * strokeWidth}`}
        />
      );
  }
}
