import {
  locationManagePermission,
  readinessReadPermission,
  waiverManagePermission,
} from '../permissions';
import {
  assessUploadSchema,
  footprintAssessmentSchema,
  footprintQuerySchema,
  footprintSchema,
  putFootprintResultSchema,
  storedFootprintSchema,
} from '../schemas/footprint';
import { cursorPageSchema } from '../schemas/paging';
import {
  createWaiverSchema,
  locationParamSchema,
  readinessHistoryPageSchema,
  readinessHistoryQuerySchema,
  readinessListQuerySchema,
  readinessSummarySchema,
  readinessWaiverChangeSchema,
  storedReadinessEvaluationSchema,
  storedReadinessWaiverSchema,
  waiverListQuerySchema,
  waiverParamSchema,
} from '../schemas/readiness';
import { itemsOf } from './estate';
import { defineRoute } from './route';

const location = { params: { locationId: 'eu-west-1' } };

/**
 * Routes of readiness: levels, history, re-evaluation, assessment of an
 * uploaded file, waivers and the application-plane footprint.
 *
 * @public
 */
export const readinessRoutes = {
  listReadiness: defineRoute({
    method: 'GET',
    path: '/readiness',
    permission: readinessReadPermission,
    tag: 'readiness',
    summary: 'Latest readiness evaluation of each location, without signals',
    query: readinessListQuerySchema,
    response: itemsOf(readinessSummarySchema),
    status: 200,
    responseDescription:
      'Latest evaluation per location, ordered by location id',
  }),
  getReadiness: defineRoute({
    method: 'GET',
    path: '/readiness/{locationId}',
    permission: readinessReadPermission,
    tag: 'readiness',
    summary: 'Latest readiness evaluation of a location, with its signals',
    params: locationParamSchema,
    response: storedReadinessEvaluationSchema,
    status: 200,
    responseDescription: 'The latest evaluation',
    errors: [404],
    example: location,
  }),
  getReadinessHistory: defineRoute({
    method: 'GET',
    path: '/readiness/{locationId}/history',
    permission: readinessReadPermission,
    tag: 'readiness',
    summary:
      'Readiness history of a location, newest first, with becameReadyAt',
    description:
      'Paged newest first: follow `nextCursor` (keyset, any depth) or pass `offset` (at most 10000; not with `cursor`). `limit` defaults to 50, at most 500; past it, a 400 naming `limit`.',
    params: locationParamSchema,
    query: readinessHistoryQuerySchema,
    response: readinessHistoryPageSchema,
    status: 200,
    responseDescription: 'One page of the history',
    errors: [404],
    example: location,
  }),
  evaluateReadiness: defineRoute({
    method: 'POST',
    path: '/readiness/{locationId}/evaluate',
    permission: waiverManagePermission,
    tag: 'readiness',
    summary:
      'Re-evaluate a location now (trigger `manual`) and store the evaluation',
    description:
      'Needs region-expansion.waiver.manage: who manages readiness exceptions may also refresh a level; a re-evaluation changes no input.',
    params: locationParamSchema,
    response: storedReadinessEvaluationSchema,
    status: 201,
    responseDescription: 'The new evaluation',
    errors: [404],
    example: location,
  }),
  assessFootprint: defineRoute({
    method: 'POST',
    path: '/readiness/{locationId}/assess',
    permission: readinessReadPermission,
    tag: 'readiness',
    summary:
      'Assess one infrastructure-code or CloudTrail file against a location',
    description:
      "The file is a CloudFormation template (JSON or YAML; CDK stack templates from `cdk.out` included), a Terraform plan JSON (`terraform show -json`) or a CloudTrail log file (`.json`, or `.json.gz` sent as base64). Its footprint is built as `yarn region-expansion footprint` builds it and judged as a stored evaluation judges the application-plane footprint, with the location's governance and capacity signals and active waivers. Nothing is stored. A file that cannot be read completely is a 400 naming `content` and the file, line and field; so is one past the bounds of one upload: its size after decompression (`regionExpansion.assess.maxInflatedSize`, default 64mb; a `.json.gz` stops inflating as soon as it passes), more than 10,000 distinct findings, more than 10,000 YAML alias expansions. Each aliased YAML node is read once and findings that say the same thing (kind, service, Region) are folded into one with `occurrences` and example `paths`. At most `regionExpansion.assess.maxConcurrent` (default 2) uploads are assessed at once per backend process: past it the answer is 429 with `Retry-After`, before the body is read. Needs region-expansion.readiness.read, like a what-if. The body limit is 10mb (413 above it).",
    params: locationParamSchema,
    body: assessUploadSchema,
    bodyLimit: {
      size: '10mb',
      field: 'content',
      hint: 'assess a smaller file or use `yarn region-expansion assess`',
    },
    response: footprintAssessmentSchema,
    status: 200,
    responseDescription: "The file's footprint and the readiness it would give",
    errors: [404, 429],
    example: {
      ...location,
      body: {
        fileName: 'stack.template.json',
        content: '{"Resources":{"Bucket":{"Type":"AWS::S3::Bucket"}}}',
      },
    },
  }),
  listWaivers: defineRoute({
    method: 'GET',
    path: '/waivers',
    permission: readinessReadPermission,
    tag: 'readiness',
    summary: 'Readiness waivers, newest first, a page at a time',
    description:
      '`limit` defaults to 100, at most 500 (a 400 naming `limit` past it); follow `nextCursor` for the next page.',
    query: waiverListQuerySchema,
    response: cursorPageSchema(storedReadinessWaiverSchema),
    status: 200,
    responseDescription: 'One page of waivers, newest first',
  }),
  addWaiver: defineRoute({
    method: 'POST',
    path: '/waivers',
    permission: waiverManagePermission,
    tag: 'readiness',
    summary: 'Grant a waiver and re-evaluate the location',
    description:
      'At most one active waiver per location and check (409). `expiresAt` must be in the future and at most `regionExpansion.readiness.waivers.maxDays` (default 180) days ahead.',
    body: createWaiverSchema,
    response: readinessWaiverChangeSchema,
    status: 201,
    responseDescription: 'The waiver and the evaluation it caused',
    errors: [409],
    example: {
      body: {
        locationId: 'eu-west-1',
        check: 'audit',
        reason: 'evidence from next quarter',
        approver: 'user:default/ciso',
        expiresAt: '2027-01-31T00:00:00Z',
      },
    },
  }),
  revokeWaiver: defineRoute({
    method: 'DELETE',
    path: '/waivers/{id}',
    permission: waiverManagePermission,
    tag: 'readiness',
    summary: 'Revoke a waiver and re-evaluate its location',
    params: waiverParamSchema,
    response: readinessWaiverChangeSchema,
    status: 200,
    responseDescription: 'The revoked waiver and the evaluation it caused',
    errors: [404, 409],
    example: { params: { id: '3f1c9a64-0000-4000-8000-000000000000' } },
  }),
  getApplicationPlaneFootprint: defineRoute({
    method: 'GET',
    path: '/application-plane/footprint',
    permission: readinessReadPermission,
    tag: 'readiness',
    summary: 'The stored application-plane footprint',
    response: storedFootprintSchema,
    status: 200,
    responseDescription: 'The stored footprint',
    errors: [404],
  }),
  putApplicationPlaneFootprint: defineRoute({
    method: 'PUT',
    path: '/application-plane/footprint',
    permission: locationManagePermission,
    tag: 'readiness',
    summary: 'Store a footprint and re-evaluate every location',
    description:
      'The body is the output of `yarn region-expansion footprint --json`. Needs region-expansion.location.manage: it changes what every location is judged against; it is checked before the body is read, so a caller without it gets 403 whatever it sends. The body limit is 10mb (413 above it).',
    query: footprintQuerySchema,
    body: footprintSchema,
    bodyLimit: {
      size: '10mb',
      field: '(root)',
      hint: 'send the footprint (service codes and actions), not the infrastructure code it was read from',
    },
    response: putFootprintResultSchema,
    status: 200,
    responseDescription:
      'The stored footprint and the number of locations evaluated',
    example: {
      body: {
        services: [{ code: 's3', sources: ['iac'], actions: ['PutObject'] }],
        crossRegion: [],
        unknown: [],
      },
    },
  }),
};
