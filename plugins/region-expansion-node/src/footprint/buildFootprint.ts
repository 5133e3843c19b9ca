import fs from 'node:fs/promises';
import path from 'node:path';
import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import { ServiceMapping } from '../availability/serviceMapping';
import { addCloudTrailEvents } from '../cloudtrail/cloudTrailEvents';
import {
  scanCloudTrail,
  type CloudTrailScanOptions,
} from '../cloudtrail/scanCloudTrail';
import { FootprintBuilder, type FootprintLimits } from './FootprintBuilder';
import { FootprintInputError } from './InputError';
import { addCdkAssembly } from './cdkAssembly';
import { addCloudFormationTemplate } from './cloudFormation';
import { fsProblem, realPath, realPathInside, statInput } from './fileSystem';
import { addTerraformPlan } from './terraformPlan';
import {
  MAX_INPUT_BYTES,
  parseJsonText,
  parseYamlText,
  readTextFile,
} from './readInput';
import { isRecord } from './walk';

/**
 * Kind of a footprint input path.
 *
 * @public
 */
export type FootprintInputKind =
  | 'cloudformation'
  | 'cdk-assembly'
  | 'terraform-plan'
  | 'cloudtrail'
  | 'iac-directory';

const TEMPLATE_EXTENSIONS = /\.(ya?ml|json|template)$/i;
/** Files whose name says they are CloudFormation templates. */
const NAMED_AS_TEMPLATE = /\.template(\.(json|ya?ml))?$/i;

async function readDirectory(directory: string) {
  try {
    return await fs.readdir(directory, { withFileTypes: true });
  } catch (error) {
    throw new FootprintInputError({
      file: directory,
      problem: fsProblem(error),
    });
  }
}

async function head(file: string, bytes = 65536): Promise<string> {
  const handle = await fs.open(file, 'r').catch(error => {
    throw new FootprintInputError({ file, problem: fsProblem(error) });
  });
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

async function containsCloudTrailLogs(directory: string): Promise<boolean> {
  const stack = [directory];
  while (stack.length) {
    const current = stack.pop()!;
    if (/(^|[\\/])(CloudTrail|AWSLogs)$/.test(current)) return true;
    for (const entry of await readDirectory(current)) {
      if (entry.isDirectory()) stack.push(path.join(current, entry.name));
      else if (entry.name.endsWith('.json.gz')) return true;
    }
  }
  return false;
}

/**
 * Tells what a path is: a CloudFormation template (JSON or YAML), a CDK cloud
 * assembly folder, a Terraform plan JSON, CloudTrail logs (files or folders),
 * or a folder of templates. Throws {@link FootprintInputError} when it
 * cannot tell.
 *
 * @public
 */
export async function detectInputKind(
  inputPath: string,
): Promise<FootprintInputKind> {
  const stat = await statInput(inputPath);
  if (stat.isDirectory()) {
    const manifest = await fs
      .stat(path.join(inputPath, 'manifest.json'))
      .catch(() => undefined);
    if (manifest?.isFile()) return 'cdk-assembly';
    if (await containsCloudTrailLogs(inputPath)) return 'cloudtrail';
    return 'iac-directory';
  }
  if (inputPath.endsWith('.json.gz')) return 'cloudtrail';
  if (path.basename(inputPath) === 'manifest.json') return 'cdk-assembly';
  const text = await head(inputPath);
  if (
    /\.(ya?ml|template)$/i.test(inputPath) &&
    !text.trimStart().startsWith('{')
  ) {
    return 'cloudformation';
  }
  if (/^\s*\{\s*"Records"\s*:/.test(text)) return 'cloudtrail';
  if (
    /"(format_version|terraform_version|planned_values|resource_changes)"\s*:/.test(
      text,
    )
  ) {
    return 'terraform-plan';
  }
  if (/"(Resources|AWSTemplateFormatVersion)"\s*:/.test(text))
    return 'cloudformation';
  if (/\.json$/i.test(inputPath)) {
    const document = parseJsonText(await readTextFile(inputPath), inputPath);
    if (isRecord(document) && isRecord(document.Resources))
      return 'cloudformation';
  }
  throw new FootprintInputError({
    file: inputPath,
    problem:
      'cannot tell the kind of input (expected a CloudFormation template, cdk.out folder, Terraform plan JSON or CloudTrail logs)',
  });
}

/**
 * Options of {@link buildFootprint}.
 *
 * @public
 */
export interface BuildFootprintOptions extends CloudTrailScanOptions {
  /** Mapping that classifies resource types, IAM actions and event sources as services; default: the bundled table. */
  mapping?: ServiceMapping;
  /** Called once per input path with the detected kind. */
  onInput?: (input: { path: string; kind: FootprintInputKind }) => void;
  /**
   * Bounds of the work of the footprint (values visited, distinct findings);
   * default {@link DEFAULT_FOOTPRINT_LIMITS}.
   */
  limits?: FootprintLimits;
}

async function addTemplateFile(
  builder: FootprintBuilder,
  file: string,
  maxBytes: number,
): Promise<void> {
  const text = await readTextFile(file, maxBytes);
  const document = text.trimStart().startsWith('{')
    ? parseJsonText(text, file)
    : parseYamlText(text, file);
  addCloudFormationTemplate(builder, document, file);
}

/**
 * Template and plan files under a folder, sorted. Symbolic links are
 * followed (a dangling or looping one is an input error naming it); with
 * `root`, each must resolve inside it. A folder reached again through a link
 * back to one it is in is a loop.
 */
async function templateFilesUnder(
  directory: string,
  root: string | undefined,
  active: Set<string> = new Set(),
): Promise<string[]> {
  const inside = new Set(active).add(await realPath(directory));
  const out: string[] = [];
  for (const entry of await readDirectory(directory)) {
    const full = path.join(directory, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    if (entry.isSymbolicLink()) {
      const stat = await statInput(full);
      if (root) {
        await realPathInside({ file: full, root, rootName: 'workspace' });
      }
      isDirectory = stat.isDirectory();
      isFile = stat.isFile();
    }
    if (
      isDirectory &&
      entry.name !== 'node_modules' &&
      !entry.name.startsWith('.')
    ) {
      if (inside.has(await realPath(full))) {
        throw new FootprintInputError({
          file: full,
          problem: 'symbolic link loop (leads back to a folder it is in)',
        });
      }
      out.push(...(await templateFilesUnder(full, root, inside)));
    } else if (isFile && TEMPLATE_EXTENSIONS.test(entry.name)) {
      out.push(full);
    }
  }
  return out.sort();
}

/**
 * Builds one footprint from any mix of infrastructure code and CloudTrail
 * paths, detecting the kind of each. Input errors abort with a
 * {@link FootprintInputError}; nothing partial is returned. With `root`,
 * every path given must resolve (symbolic links followed) inside it.
 *
 * @public
 */
export async function buildFootprint(
  paths: string[],
  options: BuildFootprintOptions = {},
): Promise<Footprint> {
  const builder = new FootprintBuilder(options.mapping, options.limits);
  const maxBytes = options.maxInflatedBytes ?? MAX_INPUT_BYTES;
  const root = options.root ? await realPath(options.root) : undefined;
  const cloudTrailPaths: string[] = [];
  for (const inputPath of paths) {
    if (root) {
      await realPathInside({ file: inputPath, root, rootName: 'workspace' });
    }
    const kind = await detectInputKind(inputPath);
    options.onInput?.({ path: inputPath, kind });
    switch (kind) {
      case 'cloudformation':
        await addTemplateFile(builder, inputPath, maxBytes);
        break;
      case 'cdk-assembly':
        await addCdkAssembly(
          builder,
          path.basename(inputPath) === 'manifest.json'
            ? path.dirname(inputPath)
            : inputPath,
          { maxFileBytes: maxBytes },
        );
        break;
      case 'terraform-plan': {
        const text = await readTextFile(inputPath, maxBytes);
        addTerraformPlan(builder, parseJsonText(text, inputPath), inputPath);
        break;
      }
      case 'iac-directory': {
        let read = 0;
        for (const file of await templateFilesUnder(inputPath, root)) {
          // Other JSON in a repository (package.json, a tsconfig with
          // comments) is skipped; a file named as a template must read.
          const fileKind = await detectInputKind(file).catch(error => {
            if (NAMED_AS_TEMPLATE.test(file)) throw error;
            return undefined;
          });
          if (fileKind === 'cloudformation') {
            await addTemplateFile(builder, file, maxBytes);
            read++;
          } else if (fileKind === 'terraform-plan') {
            addTerraformPlan(
              builder,
              parseJsonText(await readTextFile(file, maxBytes), file),
              file,
            );
            read++;
          }
        }
        // An empty footprint from a folder of nothing would pass a check
        // that assessed nothing.
        if (read === 0) {
          throw new FootprintInputError({
            file: inputPath,
            problem:
              'no CloudFormation template or Terraform plan JSON in this folder',
          });
        }
        break;
      }
      case 'cloudtrail':
        cloudTrailPaths.push(inputPath);
        break;
      default:
    }
  }
  if (cloudTrailPaths.length) {
    const scan = await scanCloudTrail(cloudTrailPaths, {
      ...options,
      root: options.root,
    });
    addCloudTrailEvents(builder, scan.events, cloudTrailPaths.join(','));
    builder.setCloudTrailSummary(scan.summary);
  }
  return builder.build();
}
