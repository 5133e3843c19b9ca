import fs from 'node:fs';
import path from 'node:path';
import { demoCells } from './syntheticEstate';

describe('the synthetic demo estate', () => {
  it('is what the README says a start seeds', () => {
    const readme = fs
      .readFileSync(path.resolve(__dirname, '../../../../README.md'), 'utf8')
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
});
