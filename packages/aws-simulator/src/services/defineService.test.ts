import {
  aws,
  awsAccount,
  ENDPOINT,
  useSimulatorTestServer,
} from '../__testUtils__/simulatorTestServer';

useSimulatorTestServer();

/** A raw request as an SDK signs it: the SigV4 scope names the service and Region. */
function send(
  service: string,
  path: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${ENDPOINT}${path}`, {
    method: 'POST',
    headers: {
      ...headers,
      authorization: `AWS4-HMAC-SHA256 Credential=ASIASIM${awsAccount.id}/20260101/${aws.homeRegion}/${service}/aws4_request, SignedHeaders=host, Signature=0`,
    },
    body,
  });
}

describe('a request body that is not JSON', () => {
  it.each([
    {
      service: 'ssm',
      path: '/',
      headers: { 'x-amz-target': 'AmazonSSM.GetParametersByPath' },
      type: 'SerializationException',
    },
    {
      service: 'config',
      path: '/',
      headers: {
        'x-amz-target': 'StarlingDoveService.DescribeConfigurationAggregators',
      },
      type: 'SerializationException',
    },
    {
      service: 'securityhub',
      path: '/findings',
      headers: {} as Record<string, string>,
      type: 'InvalidInputException',
    },
    {
      service: 'resiliencehub',
      path: '/describe-app-assessment',
      headers: {} as Record<string, string>,
      type: 'ValidationException',
    },
  ])(
    '$service answers a 400 $type in its protocol envelope, not a 500',
    async ({ service, path, headers, type }) => {
      const res = await send(service, path, '{"Path": ', headers);
      expect(res.status).toBe(400);
      expect(res.headers.get('x-amzn-errortype')).toMatch(
        new RegExp(`^${type}`),
      );
    },
  );
});

describe('operation dispatch', () => {
  it.each([
    {
      what: 'an X-Amz-Target of another service',
      service: 'ssm',
      path: '/',
      headers: {
        'x-amz-target': 'StarlingDoveService.DescribeConfigurationAggregators',
      },
    },
    {
      what: 'an operation that is not simulated',
      service: 'ssm',
      path: '/',
      headers: { 'x-amz-target': 'AmazonSSM.PutParameter' },
    },
    {
      what: 'a path that is not simulated',
      service: 'securityhub',
      path: '/products',
      headers: {} as Record<string, string>,
    },
  ])(
    'answers $what with a 404 UnknownOperationException',
    async ({ service, path, headers }) => {
      const res = await send(service, path, '{}', headers);
      expect(res.status).toBe(404);
      expect(res.headers.get('x-amzn-errortype')).toMatch(
        /^UnknownOperationException/,
      );
    },
  );
});
