/**
 * `aws` configuration with static keys for one account per partition,
 * read through the real credentials manager; SSM answers through the
 * simulator's msw handlers.
 */
export const STATIC_KEY_ACCOUNTS = {
  accounts: [
    {
      accountId: '111122223333',
      accessKeyId: 'AKIDTEST',
      secretAccessKey: 'secret',
    },
    {
      accountId: '444455556666',
      accessKeyId: 'AKIDTESTEUSC',
      secretAccessKey: 'secret',
    },
  ],
};

/**
 * `regionExpansion.availability.live` reading `aws` and `aws-eusc` through
 * the {@link STATIC_KEY_ACCOUNTS}.
 */
export const LIVE_AVAILABILITY = {
  enabled: true,
  accounts: { aws: '111122223333', 'aws-eusc': '444455556666' },
  partitions: ['aws', 'aws-eusc'],
};
