import { http, HttpResponse } from 'msw';

/**
 * Options of {@link ssmGlobalInfrastructureHandlers}.
 *
 * @public
 */
export interface SsmGlobalInfrastructureOptions {
  /** Service codes per Region served under the Region services path. */
  regions: Record<string, string[]>;
  /** Parameters per page (SSM caps MaxResults at 10). */
  pageSize?: number;
  /** Pages answered with HTTP 500, as `<path>#<page index>`. */
  failingPages?: string[];
}

/**
 * A request the handlers received, for assertions.
 *
 * @public
 */
export interface SsmRecordedRequest {
  /** The `X-Amz-Target` header, e.g. `AmazonSSM.GetParametersByPath`; `null` when absent. */
  target: string | null;
  /** The `Path` asked for in the request body. */
  path: string;
  /** The request's `NextToken`; absent for a first page. */
  nextToken?: string;
}

const ENDPOINT =
  /^https:\/\/ssm\.[a-z0-9-]+\.(amazonaws\.com|amazonaws\.eu)\/$/;

/**
 * msw request handlers that speak the SSM awsJson1_1 protocol (POST `/`,
 * `X-Amz-Target: AmazonSSM.GetParametersByPath`) and serve the
 * global-infrastructure public parameters for Regions and services, paginated
 * with `NextToken`. Reusable by an AWS simulator.
 *
 * @public
 */
export function ssmGlobalInfrastructureHandlers(
  options: SsmGlobalInfrastructureOptions,
) {
  const pageSize = options.pageSize ?? 10;
  const failing = new Set(options.failingPages ?? []);
  const requests: SsmRecordedRequest[] = [];

  const parametersUnder = (
    path: string,
  ): Array<{ Name: string; Value: string }> => {
    const region =
      /^\/aws\/service\/global-infrastructure\/regions\/([^/]+)\/services$/.exec(
        path,
      );
    if (region) {
      return (options.regions[region[1]] ?? []).map(code => ({
        Name: `${path}/${code}`,
        Value: code,
      }));
    }
    const service =
      /^\/aws\/service\/global-infrastructure\/services\/([^/]+)\/regions$/.exec(
        path,
      );
    if (service) {
      return Object.entries(options.regions)
        .filter(([, codes]) => codes.includes(service[1]))
        .map(([id]) => ({ Name: `${path}/${id}`, Value: id }));
    }
    return [];
  };

  const handler = http.post(ENDPOINT, async ({ request }) => {
    const target = request.headers.get('x-amz-target');
    const body = (await request.json()) as {
      Path: string;
      NextToken?: string;
      MaxResults?: number;
    };
    requests.push({ target, path: body.Path, nextToken: body.NextToken });
    if (target !== 'AmazonSSM.GetParametersByPath') {
      return HttpResponse.json(
        { __type: 'InvalidAction', message: `unsupported target ${target}` },
        { status: 400 },
      );
    }
    const page = body.NextToken ? Number(body.NextToken.split(':')[1]) : 0;
    if (failing.has(`${body.Path}#${page}`)) {
      return HttpResponse.json(
        { __type: 'InternalServerError', message: 'simulated page failure' },
        { status: 500 },
      );
    }
    const size = Math.min(pageSize, body.MaxResults ?? pageSize);
    const all = parametersUnder(body.Path);
    const slice = all.slice(page * size, (page + 1) * size);
    const more = (page + 1) * size < all.length;
    return HttpResponse.json(
      {
        Parameters: slice.map(p => ({
          ...p,
          Type: 'String',
          Version: 1,
          ARN: `arn:aws:ssm:us-east-1::parameter${p.Name}`,
          DataType: 'text',
        })),
        ...(more ? { NextToken: `page:${page + 1}` } : {}),
      },
      { headers: { 'content-type': 'application/x-amz-json-1.1' } },
    );
  });

  return { handlers: [handler], requests };
}
