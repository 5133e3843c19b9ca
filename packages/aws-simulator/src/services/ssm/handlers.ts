import { AwsFault } from '../../AwsFault';
import { pageOf, pageSizeOf, tokenField } from '../../protocol';
import { defineService } from '../defineService';
import { globalInfrastructureParameters } from './data';

/**
 * SSM (awsJson1_1, `AmazonSSM.GetParametersByPath`) over the public
 * global-infrastructure parameters of the snapshot (any Region answers).
 */
export const ssmService = defineService({
  signingName: 'ssm',
  protocol: 'awsJson1_1',
  targetPrefix: 'AmazonSSM',
  throttle: [400, 'ThrottlingException'],
  serverError: 'InternalServerError',
  anyRegion: true,
  operations: [
    {
      name: 'GetParametersByPath',
      respond: ({ req, input, globalInfrastructure: snapshot }) => {
        const path = String(input.Path ?? '').replace(/\/+$/, '');
        const maxResults = pageSizeOf(input.MaxResults, 'MaxResults', 10, 10);
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
          new AwsFault(
            400,
            'ValidationException',
            'The NextToken is not valid',
          ),
        );
        const modified = snapshot ? 1_700_000_000 : 0;
        return {
          Parameters: page.slice.map(([name, value]) => ({
            Name: name,
            Type: 'String',
            Value: value,
            Version: 1,
            LastModifiedDate: modified,
            ARN: `arn:${req.partition.id}:ssm:${req.region}::parameter${name}`,
            DataType: 'text',
          })),
          ...tokenField('NextToken', page.next),
        };
      },
    },
  ],
});
