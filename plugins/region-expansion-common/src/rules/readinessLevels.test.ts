import { READINESS_LEVELS } from './readinessLevels';

describe('READINESS_LEVELS', () => {
  it('orders the levels from worst to best, each once', () => {
    expect(READINESS_LEVELS).toEqual(['blocked', 'pilot', 'ready']);
  });
});
