import { combineSignals } from './combineSignals';

describe('combineSignals', () => {
  const pass = { status: 'pass' as const, detail: 'p', blockers: [] };
  const unknown = { status: 'unknown' as const, detail: 'u', blockers: [] };
  const fail = { status: 'fail' as const, detail: 'f', blockers: ['x'] };
  it.each([
    [pass, undefined, 'pass'],
    [pass, unknown, 'unknown'],
    [unknown, pass, 'unknown'],
    [fail, unknown, 'fail'],
  ] as const)('%o + %o → %s', (a, b, status) => {
    expect(combineSignals(a, b).status).toBe(status);
  });
  it('keeps both details and blockers', () => {
    expect(
      combineSignals(fail, { ...fail, detail: 'g', blockers: ['y'] }),
    ).toEqual({ status: 'fail', detail: 'f; g', blockers: ['x', 'y'] });
  });
});
