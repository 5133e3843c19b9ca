import {
  countTurns,
  mostInOneTurn,
  recordRowValidations,
} from '../__testUtils__/eventLoopTurns';
import {
  forEachInTurns,
  MAX_IMPORT_ROWS,
  parseImportRows,
  ROWS_PER_TURN,
} from './importRows';

/** A valid import row with residency lists, the heaviest kind to validate. */
const row = (i: number) => ({
  id: `bulk-${i}`,
  name: `Bulk ${i}`,
  tier: 'pool',
  classification: 'public',
  loadUnits: 1,
  residencyCountries: 'DE;FR;IT;ES;NL;BE;AT;IE',
  residencyJurisdictions: 'EU',
});

describe('forEachInTurns', () => {
  it.each([
    [1000, 200, 5],
    [1001, 200, 6],
    [7, 3, 3],
  ])(
    'visits %p items in order, at most %p per turn of the event loop, in %p turns',
    async (count, rowsPerTurn, expectedTurns) => {
      const turns = countTurns();
      const visited: number[] = [];
      const turnOfItem: number[] = [];
      try {
        await forEachInTurns(
          Array.from({ length: count }, (_, i) => i),
          (item, index) => {
            expect(item).toBe(index);
            visited.push(index);
            turnOfItem.push(turns.turn);
          },
          rowsPerTurn,
        );
      } finally {
        turns.stop();
      }
      expect(visited).toEqual(Array.from({ length: count }, (_, i) => i));
      expect(mostInOneTurn(turnOfItem)).toBe(rowsPerTurn);
      expect(new Set(turnOfItem).size).toBe(expectedTurns);
    },
  );

  it('stops at the first error thrown by the callback', async () => {
    const visited: number[] = [];
    await expect(
      forEachInTurns([0, 1, 2, 3], item => {
        visited.push(item);
        if (item === 1) throw new Error('row 1 is bad');
      }),
    ).rejects.toThrow('row 1 is bad');
    expect(visited).toEqual([0, 1]);
  });
});

describe('parseImportRows', () => {
  it(`validates ${MAX_IMPORT_ROWS} rows at most ${ROWS_PER_TURN} per turn of the event loop`, async () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => row(i));
    const turns = countTurns();
    const validations = recordRowValidations(turns);
    try {
      const parsed = await parseImportRows(rows);
      expect(parsed).toHaveLength(MAX_IMPORT_ROWS);
    } finally {
      validations.stop();
      turns.stop();
    }
    const turnOfRow = validations.turns;
    expect(turnOfRow).toHaveLength(MAX_IMPORT_ROWS);
    expect(mostInOneTurn(turnOfRow)).toBeLessThanOrEqual(ROWS_PER_TURN);
    expect(new Set(turnOfRow).size).toBe(MAX_IMPORT_ROWS / ROWS_PER_TURN);
  });

  it('names the first bad row, after the rows before it', async () => {
    const rows = [row(0), row(1), { ...row(2), tier: 'platinum' }, row(3)];
    await expect(parseImportRows(rows)).rejects.toThrow(
      /^rows\[2\]\.tier: must be one of pool, bridge, silo$/,
    );
  });
});
