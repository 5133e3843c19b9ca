import type { EvidenceFinding } from '../governance/evidenceFindings';
import type { EvidenceSnapshotSource } from '../governance/evidenceSnapshot';

/**
 * `source` whose snapshots read findings through `wrap`: a test's way to
 * fail the export's read mid-stream, or to write while it reads.
 */
export function wrapFindingPages(
  source: EvidenceSnapshotSource,
  wrap: (
    pages: AsyncGenerator<EvidenceFinding[]>,
  ) => AsyncGenerator<EvidenceFinding[]>,
): EvidenceSnapshotSource {
  return {
    isolation: source.isolation,
    read: read =>
      source.read(snapshot =>
        read({
          ...snapshot,
          findingPages: filter => wrap(snapshot.findingPages(filter)),
        }),
      ),
  };
}

/** Finding pages that yield `first` and then fail as a lost connection. */
export async function* brokenFindingPages(
  first: EvidenceFinding,
): AsyncGenerator<EvidenceFinding[]> {
  yield [first];
  throw new Error('connection lost');
}
