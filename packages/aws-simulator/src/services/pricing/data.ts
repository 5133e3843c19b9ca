/**
 * A product the Price List API prices in every priced Region (USD before the
 * Region's factor). These are synthetic prices: whatever reads them labels
 * them synthetic, because they come from the simulator, not from AWS.
 */
export interface PricedProductTemplate {
  family: string;
  attributes: Record<string, string>;
  unit: string;
  usd: number;
}

/**
 * Partitions the simulated Price List API publishes nothing for, so that a
 * Region there gets "no price" with a reason, the way a Region the real API
 * does not cover does (the European Sovereign Cloud is not in the public
 * Price List).
 */
export const UNPRICED_PARTITIONS: readonly string[] = ['aws-eusc'];

/** One product: family, the attributes it is found by, its unit and USD price. */
const product = (
  family: string,
  attributes: Record<string, string>,
  unit: string,
  usd: number,
): PricedProductTemplate => ({ family, attributes, unit, usd });

const instance = (instanceType: string, usd: number) =>
  product(
    'Compute Instance',
    { instanceType, operatingSystem: 'Linux', tenancy: 'Shared' },
    'Hrs',
    usd,
  );

const request = 'API Request';
const ddbThroughput = 'Amazon DynamoDB PayPerRequest Throughput';

/**
 * Products by Price List service code: one for every kind of line a cell's
 * bill of materials has (instance hours, EBS and S3 storage, request-priced
 * services, data transfer out, KMS key months and requests, CloudHSM hours,
 * NAT gateway and load balancer hours).
 */
export const PRICED_PRODUCTS: Record<string, PricedProductTemplate[]> = {
  AmazonEC2: [
    instance('m7g.large', 0.0816),
    instance('c7g.xlarge', 0.145),
    instance('r7g.large', 0.1071),
    product('Storage', { volumeApiName: 'gp3' }, 'GB-Mo', 0.08),
    product('NAT Gateway', { group: 'NGW:NatGateway' }, 'Hrs', 0.045),
  ],
  AWSELB: [
    product(
      'Load Balancer-Application',
      { group: 'ELB:Balancer' },
      'Hrs',
      0.0225,
    ),
  ],
  AmazonS3: [
    product(
      'Storage',
      { storageClass: 'General Purpose', volumeType: 'Standard' },
      'GB-Mo',
      0.023,
    ),
    product(request, { group: 'S3-API-Tier1' }, 'Requests', 0.000005),
  ],
  AmazonDynamoDB: [
    product(
      ddbThroughput,
      { group: 'DDB-WriteUnits' },
      'WriteRequestUnits',
      0.00000125,
    ),
    product(
      ddbThroughput,
      { group: 'DDB-ReadUnits' },
      'ReadRequestUnits',
      0.00000025,
    ),
    product(
      'Database Storage',
      { volumeType: 'Amazon DynamoDB - Indexed DataStore' },
      'GB-Mo',
      0.25,
    ),
  ],
  AWSLambda: [
    product(
      'Serverless',
      { group: 'AWS-Lambda-Duration-ARM' },
      'Lambda-GB-Second',
      0.0000133334,
    ),
    product(
      'Serverless',
      { group: 'AWS-Lambda-Requests' },
      'Requests',
      0.0000002,
    ),
  ],
  AWSQueueService: [
    product(request, { queueType: 'Standard' }, 'Requests', 0.0000004),
  ],
  AWSDataTransfer: [
    product(
      'Data Transfer',
      { transferType: 'AWS Outbound', toLocation: 'External' },
      'GB',
      0.09,
    ),
  ],
  awskms: [
    product('Encryption Key', { group: 'KMS-Keys' }, 'Keys', 1),
    product(request, { group: 'KMS-Requests' }, 'Requests', 0.000003),
  ],
  CloudHSM: [
    product('Dedicated HSM', { instanceType: 'hsm2m.medium' }, 'Hrs', 1.45),
  ],
};
