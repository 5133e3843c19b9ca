import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  controlPlaneModeProblem,
  LocationCatalog,
} from '@region-expansion/plugin-region-expansion-node';
import { readCellsFile } from './place';

const catalog = LocationCatalog.fromSnapshot();
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'region-expansion-place-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A cells file with one control plane (and no cells), as YAML. */
function cellsFile(controlPlane: string): string {
  const file = path.join(
    dir,
    `cells-${Math.random().toString(36).slice(2)}.yaml`,
  );
  fs.writeFileSync(
    file,
    [
      'spec: { version: "1", isolation: pooled, capacity: { tenants: 10, loadUnits: 100 }, serviceQuotas: [] }',
      'controlPlanes:',
      `  - ${controlPlane}`,
      'cells: []',
      '',
    ].join('\n'),
  );
  return file;
}

describe('readCellsFile', () => {
  it('takes a control plane that the backend would store', async () => {
    const file = cellsFile(
      '{ id: cp-eusc, name: EUSC, mode: partition, partition: aws-eusc, homeLocation: eusc-de-east-1, managedLocations: [eusc-de-east-1] }',
    );
    const read = await readCellsFile(file, catalog);
    expect(read.controlPlanes.map(c => c.id)).toEqual(['cp-eusc']);
  });

  it.each([
    {
      name: 'a global control plane inside aws-eusc, by the mode rule',
      controlPlane:
        '{ id: cp-eusc, name: EUSC, mode: global, partition: aws-eusc, homeLocation: eusc-de-east-1, managedLocations: [eusc-de-east-1] }',
      field: 'controlPlanes.0.mode',
      reason: controlPlaneModeProblem(
        'global',
        catalog.partition('aws-eusc')!,
      )!,
    },
    {
      name: 'a control plane managing a location of another partition',
      controlPlane:
        '{ id: cp-eu, name: EU, mode: regional, partition: aws, homeLocation: eu-west-2, managedLocations: [eu-west-2, eusc-de-east-1] }',
      field: 'controlPlanes.0.managedLocations.1',
      reason: expect.stringContaining('nothing crosses a partition') as string,
    },
  ])(
    'refuses $name, naming the field as the backend would',
    async ({ controlPlane, field, reason }) => {
      const file = cellsFile(controlPlane);
      const error = await readCellsFile(file, catalog).then(
        () => undefined,
        (e: Error) => e,
      );
      expect(error?.name).toBe('CliInputError');
      const prefix = `${file}: field ${field}: `;
      expect(error?.message.startsWith(prefix)).toBe(true);
      expect(error?.message.slice(prefix.length)).toEqual(reason);
    },
  );
});

describe('readCellsFile readiness levels', () => {
  it.each(['blocked', 'pilot', 'ready', 'unknown'])('takes %s', async level => {
    const file = path.join(dir, `levels-${level}.yaml`);
    fs.writeFileSync(
      file,
      [
        'spec: { version: "1", isolation: pooled, capacity: { tenants: 10, loadUnits: 100 }, serviceQuotas: [] }',
        'cells: []',
        `readiness: { eu-west-2: ${level} }`,
        '',
      ].join('\n'),
    );
    expect((await readCellsFile(file, catalog)).readiness).toEqual({
      'eu-west-2': level,
    });
  });

  it('refuses another level, naming the location and the levels', async () => {
    const file = path.join(dir, 'levels-bad.yaml');
    fs.writeFileSync(
      file,
      [
        'spec: { version: "1", isolation: pooled, capacity: { tenants: 10, loadUnits: 100 }, serviceQuotas: [] }',
        'cells: []',
        'readiness: { eu-west-2: green }',
        '',
      ].join('\n'),
    );
    await expect(readCellsFile(file, catalog)).rejects.toThrow(
      `${file}: field readiness.eu-west-2: must be one of blocked, pilot, ready, unknown`,
    );
  });
});
