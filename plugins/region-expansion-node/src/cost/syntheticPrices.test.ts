import { isSyntheticPriceEndpoint } from './syntheticPrices';

describe('isSyntheticPriceEndpoint', () => {
  it.each([
    [undefined, false],
    ['https://api.pricing.us-east-1.amazonaws.com', false],
    ['https://api.pricing.cn-northwest-1.amazonaws.com.cn', false],
    ['http://127.0.0.1:4566', true],
    ['http://aws-simulator.test', true],
    ['https://amazonaws.com.example.org', true],
    ['not a url', true],
  ])('%s is synthetic: %s', (endpoint, synthetic) => {
    expect(isSyntheticPriceEndpoint(endpoint)).toBe(synthetic);
  });
});
