import fs from 'node:fs';
import path from 'node:path';
import { demoCells } from './syntheticEstate';

describe('the synthetic demo estate', () => {
  it('is what the README says a start seeds', () => {
    const readme = fs
      .readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8')
      .replace(/\s+/g, ' ');
    const stated = /cells in (\d+) Regions of [^;]*; (\d+) cells,/.exec(readme);
    const cells = demoCells();
    expect({
      regions: Number(stated?.[1]),
      cells: Number(stated?.[2]),
    }).toEqual({
      regions: new Set(cells.map(c => c.locationId)).size,
      cells: cells.length,
    });
  });

  it.each([
    ['app-config.demo.yaml', '../../../app-config.demo.yaml'],
    ['DemoEstateSeeder.ts', './DemoEstateSeeder.ts'],
    ['syntheticEstate.ts', './syntheticEstate.ts'],
  ])('is what %s says it holds, to the cell', (_name, file) => {
    const text = fs
      .readFileSync(path.resolve(__dirname, file), 'utf8')
      .replace(/\s*(#|\*)\s*/g, ' ');
    // Every count of cells the file states, as a number: no "about".
    const stated = [
      ...text.matchAll(/(~|about )?(\d+) cells|cells \((~|about )?(\d+)\)/g),
    ];
    expect(stated.length).toBeGreaterThan(0);
    expect(stated.map(m => `${m[1] ?? m[3] ?? ''}${m[2] ?? m[4]}`)).toEqual(
      stated.map(() => String(demoCells().length)),
    );
  });
});
