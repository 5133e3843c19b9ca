import fs from 'node:fs/promises';
import path from 'node:path';
import type { Footprint } from '@region-expansion/plugin-region-expansion-common';
import { ServiceMapping } from '../availability/serviceMapping';
import {
  scanCloudTrail,
  type CloudTrailScanOptions,
} from '../cloudtrail/scanCloudTrail';
import { FootprintBuilder } from './FootprintBuilder';
import { FootprintInputError } from './InputError';
import { addCdkAssembly } from './cdkAssembly';
import { addCloudFormationTemplate } from './cloudFormation';
import { addTerraformPlan } from './terraformPlan';
import { parseJsonText, parseYamlText, readTextFile } from './readInput';
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

async function head(file: string, bytes = 65536): Promise<string> {
  const handle = await fs.open(file, 'r');
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
    for (const entry of await fs.readdir(current, { withFileTypes: true })) {
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
  const stat = await fs.stat(inputPath).catch(() => undefined);
  if (!stat)
    throw new FootprintInputError({
      file: inputPath,
      problem: 'no such file or directory',
    });
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
}

async function addTemplateFile(
  builder: FootprintBuilder,
  file: string,
): Promise<void> {
  const text = await readTextFile(file);
  const document = text.trimStart().startsWith('{')
    ? parseJsonText(text, file)
    : parseYamlText(text, file);
  addCloudFormationTemplate(builder, document, file);
}

async function templateFilesUnder(directory: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(directory, { withFileTypes: true })) {
    const full = path.join(directory, entry.name);
    if (
      entry.isDirectory() &&
      entry.name !== 'node_modules' &&
      !entry.name.startsWith('.')
    ) {
      out.push(...(await templateFilesUnder(full)));
    } else if (entry.isFile() && TEMPLATE_EXTENSIONS.test(entry.name)) {
      out.push(full);
    }
  }
  return out.sort();
}

/**
 * Builds one footprint from any mix of infrastructure code and CloudTrail
 * paths, detecting the kind of each. Input errors abort with a
 * {@link FootprintInputError}; nothing partial is returned.
 *
 * @public
 */
export async function buildFootprint(
  paths: string[],
  options: BuildFootprintOptions = {},
): Promise<Footprint> {
  const builder = new FootprintBuilder(options.mapping);
  const cloudTrailPaths: string[] = [];
  for (const inputPath of paths) {
    const kind = await detectInputKind(inputPath);
    options.onInput?.({ path: inputPath, kind });
    switch (kind) {
      case 'cloudformation':
        await addTemplateFile(builder, inputPath);
        break;
      case 'cdk-assembly':
        await addCdkAssembly(
          builder,
          path.basename(inputPath) === 'manifest.json'
            ? path.dirname(inputPath)
            : inputPath,
        );
        break;
      case 'terraform-plan': {
        const text = await readTextFile(inputPath);
        addTerraformPlan(builder, parseJsonText(text, inputPath), inputPath);
        break;
      }
      case 'iac-directory':
        for (const file of await templateFilesUnder(inputPath)) {
          const fileKind = await detectInputKind(file).catch(() => undefined);
          if (fileKind === 'cloudformation')
            await addTemplateFile(builder, file);
          else if (fileKind === 'terraform-plan') {
            addTerraformPlan(
              builder,
              parseJsonText(await readTextFile(file), file),
              file,
            );
          }
        }
        break;
      case 'cloudtrail':
        cloudTrailPaths.push(inputPath);
        break;
      default:
    }
  }
  if (cloudTrailPaths.length) {
    const scan = await scanCloudTrail(cloudTrailPaths, options);
    const where = cloudTrailPaths.join(',');
    for (const event of scan.events) {
      if (event.eventType !== 'AwsApiCall') continue;
      const entry = builder.mapping.byEventSource(event.eventSource);
      if (entry) builder.addService(entry.code, 'cloudtrail', event.eventName);
      else
        builder.addUnknown({
          kind: 'event-source',
          value: event.eventSource,
          file: where,
        });
    }
    builder.setCloudTrailSummary(scan.summary);
  }
  return builder.build();
}
