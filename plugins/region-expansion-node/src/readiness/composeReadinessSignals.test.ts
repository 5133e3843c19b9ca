import type {
  Cell,
  ControlPlane,
  Footprint,
  ReadinessSignal,
} from '@region-expansion/plugin-region-expansion-common';
import { AvailabilityIndex } from '../availability/AvailabilityIndex';
import { ServiceMapping } from '../availability/serviceMapping';
import { LocationCatalog } from '../locations/LocationCatalog';
import { sovereignControlPlaneFixture } from '../testUtils';
import {
  composeReadinessSignals,
  type ComposeReadinessSignalsInput,
} from './composeReadinessSignals';

const catalog = LocationCatalog.fromSnapshot();
const footprint = (codes: string[]): Footprint => ({
  services: codes.map(code => ({ code, sources: ['iac'], actions: [] })),
  crossRegion: [],
  unknown: [],
});
const regional: ControlPlane = {
  id: 'cp-eu',
  name: 'EU',
  mode: 'regional',
  partition: 'aws',
  homeLocation: 'eu-west-1',
  managedLocations: ['eu-west-1'],
};
const activeCell = (locationId: string, tenants: number): Cell => ({
  id: `${locationId}-c1`,
  name: 'C1',
  locationId,
  partition: catalog.require(locationId).partition,
  controlPlaneId: 'cp',
  lifecycle: 'active',
  isolation: 'pooled',
  accountId: '111122223333',
  specVersion: '1',
  capacity: { tenants: 10, loadUnits: 100, quotas: {} },
  usage: { tenants, loadUnits: tenants * 10, quotas: {} },
});
const pass = (detail: string): ReadinessSignal => ({
  status: 'pass',
  detail,
  blockers: [],
});

function compose(
  change: Partial<ComposeReadinessSignalsInput> & { at: string },
) {
  const { at, ...rest } = change;
  return composeReadinessSignals({
    location: catalog.require(at),
    catalog,
    availability: AvailabilityIndex.fromSnapshot(),
    mapping: ServiceMapping.default(),
    controlPlanes: [regional, sovereignControlPlaneFixture],
    cells: [],
    governance: {},
    capacityWarnRatio: 0.8,
    now: new Date('2026-11-20T00:00:00Z'),
    ...rest,
  });
}

describe('composeReadinessSignals', () => {
  it('without a footprint: availability and sovereignty unknown, never pass', () => {
    const { signals, details } = compose({ at: 'eu-west-1' });
    expect(signals.availability).toMatchObject({
      status: 'unknown',
      detail: expect.stringMatching(/^no application-plane footprint stored/),
    });
    expect(signals.sovereignty?.status).toBe('unknown');
    expect(signals.sovereignty?.detail).toMatch(
      /control plane cp-eu \(regional, home eu-west-1\) manages eu-west-1/,
    );
    expect(details).toEqual([]);
  });

  it.each([
    {
      name: 'services the location offers pass availability',
      at: 'eu-west-1',
      codes: ['s3', 'lambda'],
      availability: 'pass',
      blocked: [],
    },
    {
      name: 'CloudFront fails availability in the sovereign cloud, named',
      at: 'eusc-de-east-1',
      codes: ['s3', 'cloudfront'],
      availability: 'fail',
      blocked: ['cloudfront'],
    },
  ])('$name', ({ at, codes, availability, blocked }) => {
    const { signals, details } = compose({ at, footprint: footprint(codes) });
    expect(signals.availability?.status).toBe(availability);
    expect(
      details.filter(d => d.check === 'availability').map(d => d.service),
    ).toEqual(blocked);
  });

  it('fails sovereignty in aws-eusc without a control plane of mode partition', () => {
    const { signals, details } = compose({
      at: 'eusc-de-east-1',
      footprint: footprint(['s3']),
      controlPlanes: [regional],
    });
    expect(signals.sovereignty?.status).toBe('fail');
    expect(details).toContainEqual(
      expect.objectContaining({
        check: 'sovereignty',
        remediation: expect.stringMatching(/mode 'partition'/),
      }),
    );
  });

  it('passes the governance signals through and lets the worse capacity win', () => {
    const governance = {
      security: pass('no findings'),
      resilience: pass('policies met'),
      capacity: {
        status: 'warn' as const,
        detail: 'Service Quotas near the limit',
        blockers: ['lambda concurrency 90%'],
      },
    };
    const { signals } = compose({
      at: 'eu-west-1',
      cells: [activeCell('eu-west-1', 1)],
      governance,
    });
    expect(signals.security).toEqual(governance.security);
    expect(signals.resilience).toEqual(governance.resilience);
    expect(signals.audit).toBeUndefined();
    expect(signals.capacity).toMatchObject({
      status: 'warn',
      blockers: ['lambda concurrency 90%'],
    });
  });

  it('judges capacity from the cells of the location only', () => {
    const { signals } = compose({
      at: 'eu-west-1',
      cells: [activeCell('eu-central-1', 10)],
    });
    expect(signals.capacity?.status).toBe('unknown');
  });
});
