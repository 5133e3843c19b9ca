import http from 'node:http';
import request from 'supertest';
import { API, as, startWithRoles } from './rolePolicy';

/**
 * The backend the readiness route tests share: the demo estate, a
 * 30-minute evaluation schedule and waivers of at most 90 days.
 */
export const startReadinessBackend = () =>
  startWithRoles({
    demoData: { enabled: true, tenants: 50 },
    readiness: {
      schedule: { frequency: { minutes: 30 }, timeout: { minutes: 5 } },
      waivers: { maxDays: 90 },
    },
  });

/** A CloudFormation template using Bedrock, S3 and a hard-coded partition. */
export const TEMPLATE_YAML = `AWSTemplateFormatVersion: '2010-09-09'
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Agent:
    Type: AWS::Bedrock::Agent
    Properties:
      AgentName: helper
      AgentResourceRoleArn: arn:aws:iam::111122223333:role/agent
`;

/** POST /readiness/:locationId/assess on `server`, as an engineer unless told. */
export const assessOn =
  (server: http.Server) =>
  (locationId: string, body: object, authorization = as('engineer')) =>
    request(server)
      .post(`${API}/readiness/${locationId}/assess`)
      .set('Authorization', authorization)
      .send(body);
