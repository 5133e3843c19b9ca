import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import type {
  AssessedFileKind,
  Footprint,
} from '@region-expansion/plugin-region-expansion-common';
import {
  buildFootprint,
  FootprintInputError,
  ServiceMapping,
} from '@region-expansion/plugin-region-expansion-node';

/**
 * One uploaded file: its name (no folder) and bytes.
 *
 * @public
 */
export interface FootprintUpload {
  fileName: string;
  content: Buffer;
}

/**
 * The footprint of one uploaded file, built by the node library's
 * `buildFootprint` exactly as the CLI builds it from a path: the file is
 * written into a private temporary folder (removed afterwards) so the same
 * kind detection, parsers, size and UTF-8 checks and CloudTrail reader
 * apply. Paths in the answer and in errors name the upload, not the
 * temporary folder. Any input problem is an `InputError` naming the field
 * `content`.
 *
 * @public
 */
export async function footprintOfUpload(
  upload: FootprintUpload,
  options: { mapping?: ServiceMapping } = {},
): Promise<{ kind: AssessedFileKind; footprint: Footprint }> {
  const directory = await fs.mkdtemp(
    path.join(os.tmpdir(), 'region-expansion-assess-'),
  );
  const file = path.join(directory, upload.fileName);
  const named = (text: string) => text.split(file).join(upload.fileName);
  try {
    await fs.writeFile(file, upload.content, { mode: 0o600 });
    let kind: AssessedFileKind | undefined;
    const footprint = await buildFootprint([file], {
      mapping: options.mapping,
      // One file: one CloudTrail worker, not one per core.
      concurrency: 1,
      onInput: input => {
        if (input.kind === 'cdk-assembly' || input.kind === 'iac-directory') {
          // A cdk.out manifest only points at templates that were not
          // uploaded; each stack template is a CloudFormation template.
          throw new FootprintInputError({
            file,
            problem:
              'a CDK cloud assembly manifest names templates beside it; upload each stack template (cdk.out/<stack>.template.json) instead',
          });
        }
        kind = input.kind;
      },
    });
    return {
      kind: kind!,
      footprint: {
        ...footprint,
        crossRegion: footprint.crossRegion.map(d => ({
          ...d,
          file: named(d.file),
          detail: named(d.detail),
        })),
        unknown: footprint.unknown.map(u => ({ ...u, file: named(u.file) })),
      },
    };
  } catch (error) {
    if (error instanceof FootprintInputError) {
      throw new InputError(`content: ${named(error.message)}`);
    }
    throw error;
  } finally {
    await fs.rm(directory, { recursive: true, force: true });
  }
}
