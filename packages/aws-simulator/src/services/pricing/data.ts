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

const instance = (instanceType: string, usd: number) => ({
  family: 'Compute Instance',
  attributes: { instanceType, operatingSystem: 'Linux', tenancy: 'Shared' },
  unit: 'Hrs',
  usd,
});

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
    {
      family: 'Storage',
      attributes: { volumeApiName: 'gp3' },
      unit: 'GB-Mo',
      usd: 0.08,
    },
    {
      family: 'NAT Gateway',
      attributes: { group: 'NGW:NatGateway' },
      unit: 'Hrs',
      usd: 0.045,
    },
  ],
  AWSELB: [
    {
      family: 'Load Balancer-Application',
      attributes: { group: 'ELB:Balancer' },
      unit: 'Hrs',
      usd: 0.0225,
    },
  ],
  AmazonS3: [
    {
      family: 'Storage',
      attributes: { storageClass: 'General Purpose', volumeType: 'Standard' },
      unit: 'GB-Mo',
      usd: 0.023,
    },
    {
      family: 'API Request',
      attributes: { group: 'S3-API-Tier1' },
      unit: 'Requests',
      usd: 0.000005,
    },
  ],
  AmazonDynamoDB: [
    {
      family: 'Amazon DynamoDB PayPerRequest Throughput',
      attributes: { group: 'DDB-WriteUnits' },
      unit: 'WriteRequestUnits',
      usd: 0.00000125,
    },
    {
      family: 'Amazon DynamoDB PayPerRequest Throughput',
      attributes: { group: 'DDB-ReadUnits' },
      unit: 'ReadRequestUnits',
      usd: 0.00000025,
    },
    {
      family: 'Database Storage',
      attributes: { volumeType: 'Amazon DynamoDB - Indexed DataStore' },
      unit: 'GB-Mo',
      usd: 0.25,
    },
  ],
  AWSLambda: [
    {
      family: 'Serverless',
      attributes: { group: 'AWS-Lambda-Duration-ARM' },
      unit: 'Lambda-GB-Second',
      usd: 0.0000133334,
    },
    {
      family: 'Serverless',
      attributes: { group: 'AWS-Lambda-Requests' },
      unit: 'Requests',
      usd: 0.0000002,
    },
  ],
  AWSQueueService: [
    {
      family: 'API Request',
      attributes: { queueType: 'Standard' },
      unit: 'Requests',
      usd: 0.0000004,
    },
  ],
  AWSDataTransfer: [
    {
      family: 'Data Transfer',
      attributes: { transferType: 'AWS Outbound', toLocation: 'External' },
      unit: 'GB',
      usd: 0.09,
    },
  ],
  awskms: [
    {
      family: 'Encryption Key',
      attributes: { group: 'KMS-Keys' },
      unit: 'Keys',
      usd: 1,
    },
    {
      family: 'API Request',
      attributes: { group: 'KMS-Requests' },
      unit: 'Requests',
      usd: 0.000003,
    },
  ],
  CloudHSM: [
    {
      family: 'Dedicated HSM',
      attributes: { instanceType: 'hsm2m.medium' },
      unit: 'Hrs',
      usd: 1.45,
    },
  ],
};
