import fs from 'node:fs';
import path from 'node:path';
import { aliasedTemplate, madeUpActionsPolicy } from '../testUtils';
import { tmpDir } from './__testUtils__/fixtures';
import { buildFootprint } from './buildFootprint';
import { FootprintInputError } from './InputError';

const dir = tmpDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, text);
  return file;
}

describe('YAML aliases and the bounds of one footprint', () => {
  it('walks a 2,000-alias anchor of 200 ARNs once and folds them into one finding', async () => {
    const text = aliasedTemplate(200, 2000);
    expect(text.length).toBeLessThan(13 * 1024);
    const file = write('aliased.yaml', text);

    // Read once per alias, the 200 ARNs would be 400,000 values: far past
    // this bound, which a single walk stays under.
    const footprint = await buildFootprint([file], {
      limits: { maxNodes: 5_000 },
    });

    const hardcoded = footprint.crossRegion.filter(
      d => d.kind === 'hardcoded-partition',
    );
    expect(hardcoded).toHaveLength(1);
    expect(hardcoded[0].occurrences).toBe(200);
    expect(hardcoded[0].paths).toHaveLength(10);
    expect(hardcoded[0].paths?.[0]).toBe(hardcoded[0].path);
    expect(JSON.stringify(footprint).length).toBeLessThan(20_000);
  });

  it('folds findings that say the same thing (kind, service, Region) with example paths', async () => {
    const replicas = Array.from(
      { length: 30 },
      (_, i) =>
        `  T${i}:\n    Type: AWS::DynamoDB::GlobalTable\n    Properties:\n      Replicas: [{ Region: us-west-2 }, { Region: eu-west-1 }]`,
    ).join('\n');
    const file = write('tables.yaml', `Resources:\n${replicas}\n`);
    const footprint = await buildFootprint([file]);
    const replication = footprint.crossRegion
      .filter(d => d.kind === 'replication')
      .map(d => [d.region, d.occurrences, d.paths?.length])
      .sort();
    expect(replication).toEqual([
      ['eu-west-1', 30, 10],
      ['us-west-2', 30, 10],
    ]);
    const global = footprint.crossRegion.filter(
      d => d.kind === 'global-service',
    );
    expect(global).toEqual([]);
  });

  it('reports a YAML alias-count overflow as an input error, not a crash', async () => {
    const file = write('bomb.yaml', aliasedTemplate(1, 10_001));
    const error = await buildFootprint([file]).catch(e => e);
    expect(error).toBeInstanceOf(FootprintInputError);
    expect(error.message).toMatch(
      /bomb\.yaml: too many YAML alias expansions \(over 10000\)/,
    );
  });

  it('refuses a template past the visited-node bound with an input error naming it', async () => {
    const file = write('wide.yaml', aliasedTemplate(200, 20));
    const error = await buildFootprint([file], {
      limits: { maxNodes: 100 },
    }).catch(e => e);
    expect(error).toBeInstanceOf(FootprintInputError);
    expect(error.message).toMatch(
      /wide\.yaml: more than 100 values to read \(bound of one footprint\)/,
    );
  });

  it('refuses input past the distinct-findings bound with an input error naming it', async () => {
    const file = write('policy.json', madeUpActionsPolicy(11));
    const error = await buildFootprint([file], {
      limits: { maxFindings: 10 },
    }).catch(e => e);
    expect(error).toBeInstanceOf(FootprintInputError);
    expect(error.message).toMatch(
      /policy\.json: more than 10 distinct findings \(bound of one footprint\)/,
    );
  });
});
