import { regionExpansionRoutes } from '@region-expansion/plugin-region-expansion-common';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { openApiDocument } from './openApiDocument';
import { openApiYaml } from './openApiYaml';

const GENERATE =
  'yarn workspace @region-expansion/plugin-region-expansion-backend generate:openapi';

describe('openapi.yaml', () => {
  it('is what the route table generates, unedited', () => {
    const committed = readFileSync(resolve(__dirname, 'openapi.yaml'), 'utf8');
    const generated = openApiYaml();
    const first = [...committed].findIndex((c, i) => c !== generated[i]);
    const upToDate = committed === generated;
    // A stale file says where it differs first and what to run.
    expect({
      upToDate,
      firstDifference: upToDate
        ? undefined
        : committed.slice(Math.max(0, first - 200), first + 200),
      fix: upToDate ? undefined : `run ${GENERATE}`,
    }).toEqual({ upToDate: true });
  });

  it('says it is generated, and how', () => {
    const header = openApiYaml().split('\nopenapi:')[0];
    expect(header).toMatch(/^# Generated from the route table/);
    expect(header).toContain(GENERATE);
    expect(header).toContain('Do not edit');
  });

  it('describes every route of the table, with its id and permission', () => {
    const document = openApiDocument(regionExpansionRoutes);
    const operations = Object.values(document.paths).flatMap(item =>
      Object.values(item).map(op => [op.operationId, op['x-permission']]),
    );
    expect(operations.sort()).toEqual(
      Object.entries(regionExpansionRoutes)
        .map(([id, route]) => [id, route.permission.name])
        .sort(),
    );
  });
});
