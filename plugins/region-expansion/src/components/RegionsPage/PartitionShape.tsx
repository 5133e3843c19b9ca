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

/** An SVG shape of radius `size` centred on the origin. */
export function PartitionShape(props: {
  partition: string;
  size: number;
  fill: string;
}) {
  const { partition, size, fill } = props;
  const common = {
    fill,
    stroke: '#212121',
    strokeWidth: 1.5,
    fillOpacity: 0.9,
  };
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
      return <circle r={size} {...common} strokeDasharray="3 2" />;
  }
}
