import { BURN_UP_BOX, burnUpGeometry } from './burnUpGeometry';

const day = (date: string, gatesPassed: number, tenantsOnboarded: number) => ({
  date,
  gatesPassed,
  gatesTotal: 4,
  tenantsOnboarded,
  tenantsPlanned: 10,
});

const { left, right, top, bottom, width, height } = BURN_UP_BOX;
const plotBottom = height - bottom;

describe('burnUpGeometry', () => {
  it('spreads the days over the width by date and plots the share done', () => {
    const geometry = burnUpGeometry(
      [
        day('2026-12-01', 0, 0),
        day('2026-12-02', 2, 5),
        day('2026-12-05', 4, 10),
      ],
      '2026-12-03',
    );
    expect(geometry.gates.map(p => p.x)).toEqual([
      left,
      left + (width - left - right) / 4,
      width - right,
    ]);
    expect(geometry.gates.map(p => p.y)).toEqual([
      plotBottom,
      (top + plotBottom) / 2,
      top,
    ]);
    expect(geometry.tenants[1]).toMatchObject({ done: 5, total: 10 });
    expect(geometry.targetX).toBe(left + (width - left - right) / 2);
  });

  it("marks the projected days, which carry today's values", () => {
    const geometry = burnUpGeometry(
      [
        day('2026-12-01', 1, 2),
        { ...day('2026-12-02', 1, 2), projected: true },
      ],
      '2026-12-02',
    );
    expect(geometry.gates.map(p => p.projected)).toEqual([false, true]);
    expect(geometry.tenants.map(p => p.projected)).toEqual([false, true]);
  });

  it('plots a day with nothing planned at 0 instead of dividing by zero', () => {
    const geometry = burnUpGeometry(
      [{ ...day('2026-12-01', 0, 0), gatesTotal: 0, tenantsPlanned: 0 }],
      '2026-12-01',
    );
    expect(geometry.gates[0].y).toBe(plotBottom);
    expect(geometry.tenants[0].y).toBe(plotBottom);
    expect(geometry.targetX).toBe(left);
  });

  it('draws no target line when the target date lies outside the days', () => {
    expect(
      burnUpGeometry([day('2026-12-01', 0, 0)], '2026-12-24').targetX,
    ).toBeUndefined();
    expect(burnUpGeometry([], '2026-12-24')).toMatchObject({
      gates: [],
      tenants: [],
    });
  });
});
