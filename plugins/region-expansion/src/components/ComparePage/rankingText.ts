import type {
  ComparisonGap,
  ComparisonLatency,
  RankedLocation,
} from '@region-expansion/plugin-region-expansion-common';

/** A blocking gap with the rule that rules the location out. */
export function gapText(gap: ComparisonGap): string {
  return `${gap.rule}: ${gap.detail}`;
}

/** The advised architecture in one line: control plane, isolation, keys. */
export function adviceSummary(advice: RankedLocation['advice']): string {
  return `${advice.controlPlane.choice} control plane · ${advice.isolation.choice} · ${advice.encryption.choice}`;
}

/** The latency class, with the farthest country's distance when known. */
export function latencyText(latency: ComparisonLatency): string {
  return latency.maxDistanceKm === undefined
    ? latency.class
    : `${latency.class} (up to ${Math.round(
        latency.maxDistanceKm,
      ).toLocaleString('en-US')} km)`;
}
