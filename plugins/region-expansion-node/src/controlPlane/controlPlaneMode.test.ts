import { DomainRuleError } from '../locations/errors';
import { LocationCatalog } from '../locations/LocationCatalog';
import {
  assertControlPlaneMode,
  controlPlaneModeProblem,
} from './controlPlaneMode';

const catalog = LocationCatalog.fromSnapshot();
const partition = (id: string) => catalog.partition(id)!;

describe('controlPlaneModeProblem', () => {
  it.each([
    { partition: 'aws', mode: 'global', problem: undefined },
    { partition: 'aws', mode: 'regional', problem: undefined },
    {
      partition: 'aws',
      mode: 'partition',
      problem:
        "'partition' is for separate partitions such as aws-eusc; partition aws (AWS (commercial)) uses 'global' or 'regional'",
    },
    { partition: 'aws-eusc', mode: 'partition', problem: undefined },
    {
      partition: 'aws-eusc',
      mode: 'global',
      problem:
        "'global' is forbidden in partition aws-eusc (AWS European Sovereign Cloud): it shares no credentials, global services or metadata with other partitions, so its cells need a control plane inside it; use 'partition'",
    },
    {
      partition: 'aws-eusc',
      mode: 'regional',
      problem: expect.stringMatching(
        /^'regional' is forbidden in partition aws-eusc .*use 'partition'$/,
      ),
    },
    {
      partition: 'aws-us-gov',
      mode: 'global',
      problem: expect.stringMatching(
        /^'global' is forbidden in partition aws-us-gov/,
      ),
    },
  ])('$mode in $partition', ({ partition: id, mode, problem }) => {
    expect(controlPlaneModeProblem(mode, partition(id))).toEqual(problem);
  });

  it('quotes a long mode shortened, so a message stays short', () => {
    expect(
      controlPlaneModeProblem('x'.repeat(10_000), partition('aws-eusc')),
    ).toMatch(/^'x{40}…' \(10000 characters\) is forbidden/);
  });
});

describe('assertControlPlaneMode', () => {
  it('names the given field', () => {
    let error: unknown;
    try {
      assertControlPlaneMode(
        'global',
        partition('aws-eusc'),
        'controlPlaneMode',
      );
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainRuleError);
    expect((error as DomainRuleError).field).toBe('controlPlaneMode');
  });

  it("names 'mode' by default and accepts an allowed mode", () => {
    expect(() => assertControlPlaneMode('partition', partition('aws'))).toThrow(
      /^mode: 'partition' is for separate partitions/,
    );
    expect(() =>
      assertControlPlaneMode('regional', partition('aws')),
    ).not.toThrow();
  });
});
