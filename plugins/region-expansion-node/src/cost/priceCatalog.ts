import type { BomCategory } from '@region-expansion/plugin-region-expansion-common';

/**
 * How a bill-of-materials line is found in the Price List: the service
 * code, the product attributes matched exactly besides the Region, and the
 * unit the line counts in.
 *
 * @public
 */
export interface PriceQuery {
  /** Price List service code, e.g. `AmazonEC2`. */
  serviceCode: string;
  /** Attributes matched with TERM_MATCH, besides `regionCode`. */
  attributes: Record<string, string>;
  /** The unit the line counts in; a product priced in another unit is not used. */
  unit: string;
}

/**
 * One kind of line a cell's bill of materials can have.
 *
 * @public
 */
export interface PriceCatalogEntry extends PriceQuery {
  /** What the line pays for, e.g. `compute` or `storage`. */
  category: BomCategory;
  /** What the line is, in words, e.g. `Lambda duration (Arm)`. */
  description: string;
}

/**
 * Hours in a month, as AWS prices monthly hours.
 *
 * @public
 */
export const HOURS_PER_MONTH = 730;

/**
 * Every line a bill of materials can have, by line key: the one table the
 * bill of materials, the Price List reader and the snapshot refresh share.
 *
 * @public
 */
export const PRICE_CATALOG = {
  'compute.instance-hours': {
    category: 'compute',
    description: 'EC2 instance hours (m7g.large, Linux, shared tenancy)',
    serviceCode: 'AmazonEC2',
    attributes: {
      instanceType: 'm7g.large',
      operatingSystem: 'Linux',
      tenancy: 'Shared',
    },
    unit: 'Hrs',
  },
  'storage.ebs-gp3': {
    category: 'storage',
    description: 'EBS gp3 volumes of the instances',
    serviceCode: 'AmazonEC2',
    attributes: { volumeApiName: 'gp3' },
    unit: 'GB-Mo',
  },
  'compute.lambda-duration': {
    category: 'compute',
    description: 'Lambda duration (Arm)',
    serviceCode: 'AWSLambda',
    attributes: { group: 'AWS-Lambda-Duration-ARM' },
    unit: 'Lambda-GB-Second',
  },
  'requests.lambda': {
    category: 'requests',
    description: 'Lambda invocations',
    serviceCode: 'AWSLambda',
    attributes: { group: 'AWS-Lambda-Requests' },
    unit: 'Requests',
  },
  'storage.s3': {
    category: 'storage',
    description: 'S3 Standard storage',
    serviceCode: 'AmazonS3',
    attributes: { storageClass: 'General Purpose', volumeType: 'Standard' },
    unit: 'GB-Mo',
  },
  'requests.s3': {
    category: 'requests',
    description: 'S3 PUT, COPY, POST and LIST requests',
    serviceCode: 'AmazonS3',
    attributes: { group: 'S3-API-Tier1' },
    unit: 'Requests',
  },
  'requests.dynamodb-writes': {
    category: 'requests',
    description: 'DynamoDB on-demand write request units',
    serviceCode: 'AmazonDynamoDB',
    attributes: { group: 'DDB-WriteUnits' },
    unit: 'WriteRequestUnits',
  },
  'requests.dynamodb-reads': {
    category: 'requests',
    description: 'DynamoDB on-demand read request units',
    serviceCode: 'AmazonDynamoDB',
    attributes: { group: 'DDB-ReadUnits' },
    unit: 'ReadRequestUnits',
  },
  'storage.dynamodb': {
    category: 'storage',
    description: 'DynamoDB table storage',
    serviceCode: 'AmazonDynamoDB',
    attributes: { volumeType: 'Amazon DynamoDB - Indexed DataStore' },
    unit: 'GB-Mo',
  },
  'requests.sqs': {
    category: 'requests',
    description: 'SQS standard queue requests',
    serviceCode: 'AWSQueueService',
    attributes: { queueType: 'Standard' },
    unit: 'Requests',
  },
  'data-transfer.out': {
    category: 'data-transfer',
    description: 'Data transfer out to the internet',
    serviceCode: 'AWSDataTransfer',
    attributes: { transferType: 'AWS Outbound', toLocation: 'External' },
    unit: 'GB',
  },
  'kms.keys': {
    category: 'encryption',
    description: 'KMS customer managed keys (key months)',
    serviceCode: 'awskms',
    attributes: { group: 'KMS-Keys' },
    unit: 'Keys',
  },
  'kms.requests': {
    category: 'encryption',
    description: 'KMS API requests',
    serviceCode: 'awskms',
    attributes: { group: 'KMS-Requests' },
    unit: 'Requests',
  },
  'cloudhsm.hours': {
    category: 'encryption',
    description: 'CloudHSM HSM hours (custom key store)',
    serviceCode: 'CloudHSM',
    attributes: { instanceType: 'hsm2m.medium' },
    unit: 'Hrs',
  },
  'fixed.nat-gateway-hours': {
    category: 'fixed',
    description: 'NAT gateway hours (one per Availability Zone)',
    serviceCode: 'AmazonEC2',
    attributes: { group: 'NGW:NatGateway' },
    unit: 'Hrs',
  },
  'fixed.load-balancer-hours': {
    category: 'fixed',
    description: 'Application Load Balancer hours',
    serviceCode: 'AWSELB',
    attributes: { group: 'ELB:Balancer' },
    unit: 'Hrs',
  },
} satisfies Record<string, PriceCatalogEntry>;

/**
 * Key of a line of {@link PRICE_CATALOG}.
 *
 * @public
 */
export type PriceCatalogKey = keyof typeof PRICE_CATALOG;

/**
 * Every line key of {@link PRICE_CATALOG}, in table order.
 *
 * @public
 */
export const PRICE_CATALOG_KEYS = Object.keys(
  PRICE_CATALOG,
) as PriceCatalogKey[];
