// The footprint entry point alone: the package's main one loads every AWS
// SDK client (about 2 s from sources) before the first log file is read.
import {
  buildFootprint,
  type FootprintInputKind,
} from '@region-expansion/plugin-region-expansion-node/footprint';
import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import { CliInputError } from '../errors';
import { createProgress } from '../progress';
import type { EngineFootprintCommandOptions } from './engineFootprint';

/** Options of the footprint command. */
export interface FootprintCommandOptions
  extends Partial<EngineFootprintCommandOptions> {
  account?: string;
  region?: string;
  principal?: string;
}

const ENGINE_FLAGS: Array<[keyof EngineFootprintCommandOptions, string]> = [
  ['eventDataStore', '--event-data-store'],
  ['database', '--database'],
  ['table', '--table'],
  ['workgroup', '--workgroup'],
  ['outputLocation', '--output-location'],
  ['queryRegion', '--query-region'],
  ['endpoint', '--endpoint'],
  ['start', '--start'],
  ['end', '--end'],
  ['maxWait', '--max-wait'],
];

/**
 * Refuses engine flags with `--source files` (they would be ignored, and a
 * pipeline would believe it read the engine).
 */
export function checkFilesSource(options: FootprintCommandOptions) {
  for (const [key, flag] of ENGINE_FLAGS) {
    if (options[key] !== undefined) {
      throw new CliInputError(
        `${flag}: only with --source cloudtrail-lake or --source athena`,
      );
    }
  }
}

/** Builds the footprint of the given paths, with a progress bar on large CloudTrail input. */
export async function footprintOfPaths(
  paths: string[],
  options: FootprintCommandOptions,
): Promise<{
  footprint: Footprint;
  inputs: Array<{ path: string; kind: FootprintInputKind }>;
}> {
  checkFilesSource(options);
  if (paths.length === 0) {
    throw new CliInputError(
      'paths: missing; name at least one file or folder, or use --source cloudtrail-lake or --source athena',
    );
  }
  const progress = createProgress();
  const inputs: Array<{ path: string; kind: FootprintInputKind }> = [];
  try {
    const footprint = await buildFootprint(paths, {
      account: options.account,
      region: options.region,
      principal: options.principal,
      onProgress: progress.onProgress,
      onInput: input => inputs.push(input),
    });
    return { footprint, inputs };
  } finally {
    progress.stop();
  }
}

/** Human-readable footprint. */
export function formatFootprint(
  footprint: Footprint,
  inputs: Array<{ path: string; kind: FootprintInputKind }>,
): string {
  const lines = inputs.map(i => `input ${i.path} (${i.kind})`);
  lines.push(`${footprint.services.length} services:`);
  for (const s of footprint.services) {
    const actions = s.actions.length ? `  ${s.actions.join(', ')}` : '';
    lines.push(`  ${s.code.padEnd(24)} [${s.sources.join(', ')}]${actions}`);
  }
  if (footprint.crossRegion.length) {
    lines.push(
      `${footprint.crossRegion.length} cross-Region or cross-partition dependencies:`,
    );
    for (const d of footprint.crossRegion) {
      const more = d.occurrences ? ` (and ${d.occurrences - 1} more)` : '';
      lines.push(
        `  ${d.kind}${d.region ? ` → ${d.region}` : ''}: ${d.file} ${
          d.path
        }${more}: ${d.detail}`,
      );
    }
  }
  if (footprint.unknown.length) {
    lines.push(
      `${footprint.unknown.length} unknown items (not mapped to a service):`,
    );
    for (const u of footprint.unknown)
      lines.push(
        `  ${u.kind} ${u.value} in ${u.file}${u.path ? ` ${u.path}` : ''}`,
      );
  }
  const trail = footprint.cloudTrail;
  if (trail) {
    // An engine-side source read no files itself: its summary has none.
    const files =
      trail.files || trail.digestFilesSkipped ? `${trail.files} files, ` : '';
    const digests =
      trail.files || trail.digestFilesSkipped
        ? `, ${trail.digestFilesSkipped} digest files skipped`
        : '';
    const skipped = trail.recordsSkipped
      ? `, ${trail.recordsSkipped} records skipped (no eventType, eventSource or eventName)`
      : '';
    lines.push(
      `CloudTrail: ${files}${trail.records} records, ${
        trail.apiCalls
      } API calls, ${Object.values(trail.serviceEvents).reduce(
        (a, b) => a + b,
        0,
      )} service events, ${
        trail.consoleSignIns
      } console sign-ins${digests}${skipped}`,
    );
  }
  return lines.join('\n');
}
