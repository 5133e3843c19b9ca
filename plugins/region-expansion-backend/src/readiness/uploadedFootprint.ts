import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { InputError } from '@backstage/errors';
import type {
  AssessedFileKind,
  assessUploadSchema,
  Footprint,
} from '@region-expansion/plugin-region-expansion-common';
import {
  AssessmentProfile,
  buildFootprint,
  FootprintInputError,
  FootprintLimits,
  ServiceMapping,
} from '@region-expansion/plugin-region-expansion-node';
import type { z } from 'zod';

/**
 * Default largest size of an uploaded file after decompression: 64 MiB
 * (`regionExpansion.assess.maxInflatedSize`).
 *
 * @public
 */
export const DEFAULT_MAX_INFLATED_BYTES = 64 * 1024 * 1024;

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
 * The file and the data's profile of a validated assess body (the REST
 * route's and the `assess-footprint` action's): the content decoded as it
 * was sent.
 */
export function uploadOfBody(body: z.output<typeof assessUploadSchema>): {
  upload: FootprintUpload;
  profile: AssessmentProfile;
} {
  return {
    upload: {
      fileName: body.fileName,
      content: Buffer.from(body.content, body.encoding),
    },
    profile: {
      residency: body.residency,
      classification: body.classification,
      homeCountry: body.homeCountry,
    },
  };
}

/**
 * Options of {@link footprintOfUpload}.
 *
 * @public
 */
export interface FootprintOfUploadOptions {
  /** Service mapping; default the bundled table. */
  mapping?: ServiceMapping;
  /**
   * Largest size of the file after decompression (a `.json.gz` stops
   * inflating as soon as it passes); default
   * {@link DEFAULT_MAX_INFLATED_BYTES}.
   */
  maxInflatedBytes?: number;
  /** Bounds of the work (values visited, distinct findings); default the node library's. */
  limits?: FootprintLimits;
}

/**
 * The footprint of one uploaded file, built by the node library's
 * `buildFootprint` exactly as the CLI builds it from a path: the file is
 * written into a private temporary folder (removed afterwards) so the same
 * kind detection, parsers, size and UTF-8 checks and CloudTrail reader
 * apply, with the upload's own bounds: the inflated size and the work of
 * the readers (a YAML anchor aliased thousands of times is read once and
 * its findings folded). Paths in the answer and in errors name the upload,
 * not the temporary folder. Any input problem, a bound passed included, is
 * an `InputError` naming the field `content`.
 *
 * @public
 */
export async function footprintOfUpload(
  upload: FootprintUpload,
  options: FootprintOfUploadOptions = {},
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
      maxInflatedBytes: options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES,
      limits: options.limits,
      root: directory,
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
