import {
  CELL_LIFECYCLES,
  CELL_TRANSITIONS,
  canTransition,
  type CellLifecycle,
} from './cells';
import {
  EEA_MEMBER_STATES,
  EU_ADEQUACY_COUNTRIES,
  jurisdictionsFor,
} from './locations';
import { ISO_3166_ALPHA2_CODES } from '../schemas/isoCountries';
import { regionExpansionPermissions } from '../permissions';

describe('cell lifecycle', () => {
  const legal: [CellLifecycle, CellLifecycle][] = [
    ['planned', 'provisioning'],
    ['planned', 'retired'],
    ['provisioning', 'active'],
    ['provisioning', 'retired'],
    ['active', 'draining'],
    ['draining', 'active'],
    ['draining', 'retired'],
  ];
  it('allows exactly the documented transitions', () => {
    const allowed = CELL_LIFECYCLES.flatMap(from =>
      CELL_LIFECYCLES.filter(to => canTransition(from, to)).map(to => [
        from,
        to,
      ]),
    );
    expect(allowed).toEqual(legal);
  });
  it('never leaves retired and never retires an active cell directly', () => {
    expect(CELL_TRANSITIONS.retired).toEqual([]);
    expect(canTransition('active', 'retired')).toBe(false);
  });
});

describe('jurisdictionsFor', () => {
  it.each([
    ['DE', 'Europe', ['EU', 'EEA', 'GEO-EUROPE']],
    ['NO', 'Europe', ['EEA', 'GEO-EUROPE']],
    ['GB', 'Europe', ['EU-ADEQUACY', 'GEO-EUROPE']],
    ['JP', 'Asia Pacific', ['EU-ADEQUACY', 'GEO-ASIA-PACIFIC']],
    ['US', 'North America', ['GEO-NORTH-AMERICA']],
  ] as const)('%s in %s', (country, geography, expected) => {
    expect(jurisdictionsFor(country, geography)).toEqual(expected);
  });
  it('uses real country codes and never lists an EEA country as adequate', () => {
    for (const code of [...EEA_MEMBER_STATES, ...EU_ADEQUACY_COUNTRIES]) {
      expect(ISO_3166_ALPHA2_CODES).toContain(code);
    }
    expect(EEA_MEMBER_STATES).toHaveLength(30);
    expect(
      EU_ADEQUACY_COUNTRIES.filter(c => EEA_MEMBER_STATES.includes(c)),
    ).toEqual([]);
  });
});

describe('regionExpansionPermissions', () => {
  it('has unique, namespaced names with the right actions', () => {
    const byName = Object.fromEntries(
      regionExpansionPermissions.map(p => [p.name, p.attributes.action]),
    );
    expect(Object.keys(byName)).toHaveLength(regionExpansionPermissions.length);
    expect(byName).toEqual({
      'region-expansion.location.read': 'read',
      'region-expansion.location.manage': 'update',
      'region-expansion.control-plane.manage': 'update',
      'region-expansion.cell.read': 'read',
      'region-expansion.cell.manage': 'update',
      'region-expansion.tenant.read': 'read',
      'region-expansion.tenant.manage': 'update',
      'region-expansion.placement.execute': 'create',
      'region-expansion.readiness.read': 'read',
      'region-expansion.waiver.manage': 'update',
      'region-expansion.governance.read': 'read',
      'region-expansion.governance.export': 'read',
      'region-expansion.governance.sync': 'update',
      'region-expansion.campaign.read': 'read',
      'region-expansion.campaign.manage': 'update',
    });
  });
});
