import { mockCredentials } from '@backstage/backend-test-utils';
import request from 'supertest';

/** A template of `steps` with no parameters. */
export function templateOf(name: string, steps: object[]) {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name },
    spec: {
      owner: 'user:default/mock',
      type: 'service',
      parameters: [],
      steps,
    },
  };
}

/** Runs `template` through the scaffolder's dry-run endpoint as a user. */
export function dryRun(
  server: Parameters<typeof request>[0],
  body: {
    template: object;
    values?: object;
    directoryContents?: Array<{ path: string; base64Content: string }>;
  },
) {
  return request(server)
    .post('/api/scaffolder/v2/dry-run')
    .set({ Authorization: mockCredentials.user.header() })
    .send({ values: {}, secrets: {}, directoryContents: [], ...body });
}

/** Every message of a dry run's log, and its error, one a line. */
export function dryRunMessages(res: {
  body: {
    log?: Array<{ body?: { message?: string } }>;
    error?: { message?: string };
  };
}): string {
  return [
    ...(res.body.log ?? []).map(l => l.body?.message ?? ''),
    res.body.error?.message ?? '',
  ].join('\n');
}
