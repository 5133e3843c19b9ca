import type { GlobalInfrastructureSnapshot } from '../../globalInfrastructure';
import {
  awsJsonError,
  jsonResponse,
  pageOf,
  parseJsonBody,
  SimulatedRequest,
} from '../../protocol';
import type { SimulatedOperation, SimulatedService } from '../types';
import { globalInfrastructureParameters } from './data';

/** SSM (awsJson1_1, `AmazonSSM.GetParametersByPath`) over the public global-infrastructure parameters. */
export function handleSsm(
  req: SimulatedRequest,
  target: string,
  snapshot: GlobalInfrastructureSnapshot | undefined,
): SimulatedOperation | undefined {
  if (target !== 'AmazonSSM.GetParametersByPath') return undefined;
  return {
    operation: 'GetParametersByPath',
    respond: () => {
      const input = parseJsonBody(req);
      const path = String(input.Path ?? '').replace(/\/+$/, '');
      const maxResults = input.MaxResults ?? 10;
      if (maxResults < 1 || maxResults > 10) {
        return awsJsonError(
          400,
          'ValidationException',
          'MaxResults must be between 1 and 10',
        );
      }
      const all = snapshot
        ? globalInfrastructureParameters(snapshot, req.partition.id)
        : [];
      const depth = path.split('/').length;
      const matching = all.filter(
        ([name]) =>
          name.startsWith(`${path}/`) &&
          (input.Recursive || name.split('/').length === depth + 1),
      );
      const page = pageOf(
        matching,
        input.NextToken,
        maxResults,
        `ssm/${path}/${!!input.Recursive}`,
      );
      if (!page)
        return awsJsonError(
          400,
          'ValidationException',
          'The NextToken is not valid',
        );
      const modified = snapshot ? 1_700_000_000 : 0;
      return jsonResponse(
        {
          Parameters: page.slice.map(([name, value]) => ({
            Name: name,
            Type: 'String',
            Value: value,
            Version: 1,
            LastModifiedDate: modified,
            ARN: `arn:${req.partition.id}:ssm:${req.region}::parameter${name}`,
            DataType: 'text',
          })),
          ...(page.next ? { NextToken: page.next } : {}),
        },
        'application/x-amz-json-1.1',
      );
    },
  };
}

/** SSM: the public global-infrastructure parameters of the snapshot. */
export const ssmService: SimulatedService = {
  signingName: 'ssm',
  hostPrefix: 'ssm.',
  protocol: 'awsJson1_1',
  throttle: [400, 'ThrottlingException'],
  serverError: 'InternalServerError',
  anyRegion: true,
  deniesAccess: true,
  route: ({ req, target, globalInfrastructure }) =>
    handleSsm(req, target, globalInfrastructure),
};
