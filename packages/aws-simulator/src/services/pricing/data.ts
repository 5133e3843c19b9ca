/** A product the Price List API prices in every Region (USD before the Region's factor). */
export interface PricedProductTemplate {
  family: string;
  attributes: Record<string, string>;
  unit: string;
  usd: number;
}

/** Products by Price List service code. */
export const PRICED_PRODUCTS: Record<string, PricedProductTemplate[]> = {
  AmazonEC2: [
    {
      family: 'Compute Instance',
      attributes: {
        instanceType: 'm7g.large',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
      },
      unit: 'Hrs',
      usd: 0.0816,
    },
    {
      family: 'Compute Instance',
      attributes: {
        instanceType: 'c7g.xlarge',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
      },
      unit: 'Hrs',
      usd: 0.145,
    },
    {
      family: 'Compute Instance',
      attributes: {
        instanceType: 'r7g.large',
        operatingSystem: 'Linux',
        tenancy: 'Shared',
      },
      unit: 'Hrs',
      usd: 0.1071,
    },
  ],
  AmazonS3: [
    {
      family: 'Storage',
      attributes: { storageClass: 'General Purpose', volumeType: 'Standard' },
      unit: 'GB-Mo',
      usd: 0.023,
    },
  ],
  AmazonDynamoDB: [
    {
      family: 'Amazon DynamoDB PayPerRequest Throughput',
      attributes: { group: 'DDB-WriteUnits' },
      unit: 'WriteRequestUnits',
      usd: 0.00000125,
    },
  ],
  AWSLambda: [
    {
      family: 'Serverless',
      attributes: { group: 'AWS-Lambda-Duration-ARM' },
      unit: 'Lambda-GB-Second',
      usd: 0.0000133334,
    },
  ],
};
