import { TestDatabases } from '@backstage/backend-test-utils';
import {
  BUDGET,
  CaseFigures,
  exposeGc,
  namesField,
  RestCase,
  settledHeapMb,
  writeFigures,
} from './__testUtils__/corpus';
import { handWrittenCases } from './__testUtils__/handWrittenCases';
import {
  documentedOperations,
  generatedCases,
} from './__testUtils__/openapiCases';
import { aliasAmplificationTemplate } from './__testUtils__/payloads';
import {
  corpusDatabaseId,
  DIGEST_MS,
  RestHarness,
} from './__testUtils__/restHarness';
import { DEDICATED_CELL } from './__testUtils__/validRequests';

/**
 * The REST half of the bad-input corpus (docs/reliability.md): every
 * documented route gets generated cases from `src/schema/openapi.yaml`,
 * plus hand-written amplification, bomb, huge-count and traversal cases.
 * Each case must answer 4xx naming the field and the reason, leave every
 * table of the plugin's database as it was, and keep the liveness probe
 * answering while it runs. Its time and the probe's are reported against
 * their budgets, and fail a case under `yarn bench bad-input`.
 *
 * Figures: `CI=true yarn backstage-cli package test src/badInput` in this
 * package prints them and writes `rest.json` to `$BAD_INPUT_REPORT_DIR`
 * (default `<tmp>/region-expansion-bad-input`).
 */
jest.setTimeout(60_000);

const databases = TestDatabases.create({ ids: [corpusDatabaseId()] });
const cases: RestCase[] = [...generatedCases(), ...handWrittenCases()];
const figures: CaseFigures[] = [];
const gc = exposeGc();
let harness: RestHarness;
let heapAtStartMb = 0;
let idleLivenessMs = 0;

describe('REST bad-input corpus', () => {
  beforeAll(async () => {
    harness = await RestHarness.start(databases);
    heapAtStartMb = settledHeapMb(gc);
    idleLivenessMs = await harness.idleLivenessMs();
  }, 120_000);

  afterAll(async () => {
    const writeCounter = await harness.usesWriteCounter();
    writeFigures('rest', figures, {
      digestSkippedWhileNothingWritten: writeCounter,
      idleLivenessMs: Math.round(idleLivenessMs),
      heapGrowthMb: Math.round(settledHeapMb(gc) - heapAtStartMb),
      worstCaseHeapPeakGrowthMb: Math.round(
        Math.max(0, ...figures.map(f => f.heapGrowthMb ?? 0)),
      ),
      database: corpusDatabaseId(),
      digestMs: Math.round(DIGEST_MS.total),
    });
  });

  it('has cases for every documented operation, and at least 250 in all', () => {
    const uncovered = documentedOperations()
      .map(op => op.key)
      .filter(key => !cases.some(c => c.name.startsWith(`${key} `)));
    expect(uncovered).toEqual([]);
    expect(new Set(cases.map(c => c.name)).size).toBe(cases.length);
    expect(cases.length).toBeGreaterThanOrEqual(250);
  });

  it('matches field names as whole path segments', () => {
    expect(namesField('rows[3].tier: must be one of pool', ['tier'])).toBe(
      true,
    );
    expect(namesField('profiles.0.count: too many', ['profiles'])).toBe(true);
    expect(namesField('Invalid limit: Too big', ['limit'])).toBe(true);
    expect(namesField('(root): not valid JSON', ['(root)'])).toBe(true);
    expect(namesField('request entity too large', ['(root)', 'body'])).toBe(
      false,
    );
    expect(namesField('subtier: x', ['tier'])).toBe(false);
    expect(namesField('tier:', ['tier'])).toBe(false);
  });

  it('uses the amplification template the Trust issue describes', async () => {
    const template = aliasAmplificationTemplate();
    expect(template.length).toBeGreaterThan(11 * 1024);
    expect(template.length).toBeLessThan(13 * 1024);
    expect(template.match(/arn:aws:/g)).toHaveLength(200);
    expect(template.match(/\*a\b/g)).toHaveLength(2000);
    const cell = await harness.knex('cells').where({ id: DEDICATED_CELL });
    expect(cell).toEqual([expect.objectContaining({ isolation: 'dedicated' })]);
  });

  it.each(cases.map(c => [c.name, c] as const))('%s', async (_, c) => {
    const result = await harness.run(c);
    figures.push(result);
    expect(result.problems).toEqual([]);
  });

  it(`keeps heap growth over the suite under ${BUDGET.suiteHeapGrowthMb} MB`, () => {
    expect(figures.length).toBe(cases.length);
    expect(settledHeapMb(gc) - heapAtStartMb).toBeLessThan(
      BUDGET.suiteHeapGrowthMb,
    );
  });
});
