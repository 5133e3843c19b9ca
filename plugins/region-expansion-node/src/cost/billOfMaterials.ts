import {
  bomQuantitySchema,
  type BillOfMaterialsLine,
  type BomOverrides,
  type CellSpec,
  type EncryptionTier,
  type Footprint,
} from '@region-expansion/plugin-region-expansion-common';
import { CostInputError } from './CostInputError';
import {
  HOURS_PER_MONTH,
  PRICE_CATALOG,
  PriceCatalogKey,
} from './priceCatalog';

/**
 * The sizing model that turns a cell spec into monthly quantities. These
 * are stated assumptions, not measurements: every line names the rule it
 * used, and an override replaces any of them.
 *
 * @public
 */
export const CELL_SIZING = {
  /** Load units one m7g.large instance serves. */
  loadUnitsPerInstance: 200,
  /** Instances of a cell at the least (one per Availability Zone of two). */
  minInstances: 2,
  /** EBS gp3 GB per instance. */
  ebsGbPerInstance: 50,
  /** S3 Standard GB per tenant. */
  s3GbPerTenant: 20,
  /** S3 tier-1 requests per load unit and month. */
  s3RequestsPerLoadUnit: 100_000,
  /** DynamoDB write request units per load unit and month. */
  dynamoWritesPerLoadUnit: 500_000,
  /** DynamoDB read request units per load unit and month. */
  dynamoReadsPerLoadUnit: 2_000_000,
  /** DynamoDB GB per tenant. */
  dynamoGbPerTenant: 5,
  /** Lambda invocations per load unit and month. */
  lambdaRequestsPerLoadUnit: 1_000_000,
  /** Lambda GB-seconds per invocation (0.2 s at 0.5 GB). */
  lambdaGbSecondsPerRequest: 0.1,
  /** SQS requests per load unit and month. */
  sqsRequestsPerLoadUnit: 200_000,
  /** GB sent to the internet per load unit and month. */
  egressGbPerLoadUnit: 5,
  /** KMS requests per load unit and month when customer keys are used. */
  kmsRequestsPerLoadUnit: 50_000,
  /** HSMs of a CloudHSM cluster (two for high availability). */
  cloudHsmCount: 2,
  /** NAT gateways of a cell (one per Availability Zone). */
  natGateways: 2,
  /** Application Load Balancers of a cell. */
  loadBalancers: 1,
} as const;

/** Footprint services that run on instances (EC2 directly or under a scheduler). */
const INSTANCE_SERVICES = [
  'ec2',
  'ecs',
  'eks',
  'elasticbeanstalk',
  'autoscaling',
];

/**
 * Options of {@link billOfMaterials}.
 *
 * @public
 */
export interface BillOfMaterialsOptions {
  /**
   * Encryption tier, e.g. `adviseArchitecture(...).encryption.choice`;
   * default `aws-managed-key` (no key lines unless the footprint uses KMS).
   */
  encryption?: EncryptionTier;
  /** Monthly quantities that replace the derived ones, per line key. */
  overrides?: BomOverrides;
}

type Derived = [key: PriceCatalogKey, quantity: number, source: string];

const fmt = (n: number) => n.toLocaleString('en-US');

function derive(
  services: Set<string>,
  spec: Pick<CellSpec, 'version' | 'capacity'>,
  encryption: EncryptionTier,
): Derived[] {
  const s = CELL_SIZING;
  const { tenants, loadUnits } = spec.capacity;
  const cell = `cell spec ${spec.version}`;
  const lines: Derived[] = [];
  const uses = (code: string) => services.has(code);

  const serverlessOnly = uses('lambda') && !INSTANCE_SERVICES.some(uses);
  if (!serverlessOnly) {
    const instances = Math.max(
      s.minInstances,
      Math.ceil(loadUnits / s.loadUnitsPerInstance),
    );
    const why = `${cell}: ${fmt(loadUnits)} load units / ${
      s.loadUnitsPerInstance
    } per instance, at least ${s.minInstances}`;
    lines.push(
      [
        'compute.instance-hours',
        instances * HOURS_PER_MONTH,
        `${why}: ${instances} x m7g.large x ${HOURS_PER_MONTH} h`,
      ],
      [
        'storage.ebs-gp3',
        instances * s.ebsGbPerInstance,
        `${instances} instances x ${s.ebsGbPerInstance} GB`,
      ],
    );
  }
  if (uses('lambda')) {
    const requests = loadUnits * s.lambdaRequestsPerLoadUnit;
    const why = `footprint uses lambda; ${cell}: ${fmt(
      loadUnits,
    )} load units x ${fmt(s.lambdaRequestsPerLoadUnit)} invocations`;
    lines.push(
      ['requests.lambda', requests, why],
      [
        'compute.lambda-duration',
        requests * s.lambdaGbSecondsPerRequest,
        `${why} x ${s.lambdaGbSecondsPerRequest} GB-s`,
      ],
    );
  }
  if (uses('s3')) {
    lines.push(
      [
        'storage.s3',
        tenants * s.s3GbPerTenant,
        `footprint uses s3; ${cell}: ${fmt(tenants)} tenants x ${
          s.s3GbPerTenant
        } GB`,
      ],
      [
        'requests.s3',
        loadUnits * s.s3RequestsPerLoadUnit,
        `footprint uses s3; ${cell}: ${fmt(loadUnits)} load units x ${fmt(
          s.s3RequestsPerLoadUnit,
        )} requests`,
      ],
    );
  }
  if (uses('dynamodb')) {
    const why = `footprint uses dynamodb; ${cell}: ${fmt(
      loadUnits,
    )} load units x`;
    lines.push(
      [
        'requests.dynamodb-writes',
        loadUnits * s.dynamoWritesPerLoadUnit,
        `${why} ${fmt(s.dynamoWritesPerLoadUnit)} writes`,
      ],
      [
        'requests.dynamodb-reads',
        loadUnits * s.dynamoReadsPerLoadUnit,
        `${why} ${fmt(s.dynamoReadsPerLoadUnit)} reads`,
      ],
      [
        'storage.dynamodb',
        tenants * s.dynamoGbPerTenant,
        `footprint uses dynamodb; ${cell}: ${fmt(tenants)} tenants x ${
          s.dynamoGbPerTenant
        } GB`,
      ],
    );
  }
  if (uses('sqs')) {
    lines.push([
      'requests.sqs',
      loadUnits * s.sqsRequestsPerLoadUnit,
      `footprint uses sqs; ${cell}: ${fmt(loadUnits)} load units x ${fmt(
        s.sqsRequestsPerLoadUnit,
      )} requests`,
    ]);
  }
  lines.push([
    'data-transfer.out',
    loadUnits * s.egressGbPerLoadUnit,
    `${cell}: ${fmt(loadUnits)} load units x ${
      s.egressGbPerLoadUnit
    } GB to the internet`,
  ]);

  if (encryption !== 'aws-managed-key') {
    lines.push(
      [
        'kms.keys',
        tenants,
        `encryption tier ${encryption}: one customer managed key per tenant, ${fmt(
          tenants,
        )} tenants`,
      ],
      [
        'kms.requests',
        loadUnits * s.kmsRequestsPerLoadUnit,
        `encryption tier ${encryption}: ${fmt(loadUnits)} load units x ${fmt(
          s.kmsRequestsPerLoadUnit,
        )} requests`,
      ],
    );
  } else if (uses('kms')) {
    lines.push([
      'kms.keys',
      1,
      'footprint uses kms: one customer managed key per cell',
    ]);
  }
  if (encryption === 'cloudhsm') {
    lines.push([
      'cloudhsm.hours',
      s.cloudHsmCount * HOURS_PER_MONTH,
      `encryption tier cloudhsm: ${s.cloudHsmCount} HSMs (high availability) x ${HOURS_PER_MONTH} h`,
    ]);
  }
  lines.push(
    [
      'fixed.nat-gateway-hours',
      s.natGateways * HOURS_PER_MONTH,
      `fixed per cell: ${s.natGateways} NAT gateways (one per Availability Zone) x ${HOURS_PER_MONTH} h`,
    ],
    [
      'fixed.load-balancer-hours',
      s.loadBalancers * HOURS_PER_MONTH,
      `fixed per cell: ${s.loadBalancers} Application Load Balancer x ${HOURS_PER_MONTH} h`,
    ],
  );
  return lines;
}

/**
 * Checks overrides as plain data (a caller may pass them without the route's
 * schema) against the lines there are.
 */
function checkOverrides(
  overrides: Record<string, unknown>,
  keys: readonly string[],
): Map<string, number> {
  const checked = new Map<string, number>();
  for (const [key, value] of Object.entries(overrides)) {
    const field = `overrides.${key}`;
    if (!keys.includes(key)) {
      throw new CostInputError(
        field,
        `is not a line of this bill of materials (lines: ${keys.join(', ')})`,
      );
    }
    const parsed = bomQuantitySchema.safeParse(value);
    if (!parsed.success) {
      throw new CostInputError(field, parsed.error.issues[0].message);
    }
    checked.set(key, parsed.data);
  }
  return checked;
}

/**
 * The monthly bill of materials of one cell: derived from the services the
 * application plane uses and the cell spec's capacity, with key lines from
 * the encryption tier and the fixed per-cell network items. Each line says
 * where its quantity comes from; `overrides` replace quantities by line key.
 *
 * @public
 */
export function billOfMaterials(
  footprint: Pick<Footprint, 'services'>,
  cellSpec: Pick<CellSpec, 'version' | 'capacity'>,
  options: BillOfMaterialsOptions = {},
): BillOfMaterialsLine[] {
  const services = new Set(footprint.services.map(s => s.code));
  const derived = derive(
    services,
    cellSpec,
    options.encryption ?? 'aws-managed-key',
  );
  const overrides = checkOverrides(
    options.overrides ?? {},
    derived.map(([key]) => key),
  );
  return derived.map(([key, quantity, source]) => {
    const entry = PRICE_CATALOG[key];
    const override = overrides.get(key);
    return {
      key,
      category: entry.category,
      serviceCode: entry.serviceCode,
      attributes: { ...entry.attributes },
      description: entry.description,
      quantity: override ?? quantity,
      unit: entry.unit,
      quantitySource:
        override === undefined
          ? source
          : `override (derived: ${fmt(quantity)}, ${source})`,
      overridden: override !== undefined,
    };
  });
}
