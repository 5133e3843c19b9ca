import fs from 'node:fs/promises';
import path from 'node:path';
import { FootprintBuilder } from './FootprintBuilder';
import { FootprintInputError } from './InputError';
import { addCloudFormationTemplate } from './cloudFormation';
import { parseJsonText, readTextFile } from './readInput';
import { isRecord } from './walk';

async function readJsonFile(file: string): Promise<unknown> {
  return parseJsonText(await readTextFile(file), file);
}

/**
 * Adds every stack of a CDK cloud assembly (`cdk.out`) to a footprint: the
 * stacks named in `manifest.json`, nested stacks (`AWS::CloudFormation::Stack`
 * whose `aws:asset:path` is a template in the assembly) and nested assemblies
 * (stages). Stacks deployed to more than one explicit Region are reported as
 * cross-Region.
 *
 * @public
 */
export async function addCdkAssembly(
  builder: FootprintBuilder,
  directory: string,
): Promise<void> {
  const regions = new Map<string, string[]>();
  await addAssembly(builder, directory, regions, new Set());
  if (regions.size > 1) {
    for (const [region, stacks] of regions) {
      for (const stack of stacks) {
        builder.addCrossRegion({
          kind: 'provider-region',
          region,
          file: stack,
          path: 'environment',
          detail: `CDK app deploys stacks to ${regions.size} Regions (${[
            ...regions.keys(),
          ].join(', ')}); this stack targets ${region}`,
        });
      }
    }
  }
}

async function addAssembly(
  builder: FootprintBuilder,
  directory: string,
  regions: Map<string, string[]>,
  seen: Set<string>,
): Promise<void> {
  const manifestFile = path.join(directory, 'manifest.json');
  const manifest = await readJsonFile(manifestFile);
  if (!isRecord(manifest) || !isRecord(manifest.artifacts)) {
    throw new FootprintInputError({
      file: manifestFile,
      field: 'artifacts',
      problem: 'not a CDK cloud assembly manifest',
    });
  }
  for (const [name, artifact] of Object.entries(manifest.artifacts)) {
    if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
    if (
      artifact.type === 'cdk:cloud-assembly' &&
      typeof artifact.properties.directoryName === 'string'
    ) {
      await addAssembly(
        builder,
        path.join(directory, artifact.properties.directoryName),
        regions,
        seen,
      );
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const templateFile = artifact.properties.templateFile;
    if (typeof templateFile !== 'string') {
      throw new FootprintInputError({
        file: manifestFile,
        field: `artifacts.${name}.properties.templateFile`,
        problem: 'stack artifact has no templateFile',
      });
    }
    const file = path.join(directory, templateFile);
    const region =
      typeof artifact.environment === 'string'
        ? artifact.environment.split('/').pop()
        : undefined;
    if (region && !region.startsWith('unknown-')) {
      regions.set(region, [...(regions.get(region) ?? []), file]);
    }
    await addStackTemplate(builder, directory, file, seen);
  }
}

async function addStackTemplate(
  builder: FootprintBuilder,
  directory: string,
  file: string,
  seen: Set<string>,
): Promise<void> {
  if (seen.has(file)) return;
  seen.add(file);
  const template = await readJsonFile(file);
  addCloudFormationTemplate(builder, template, file);
  const resources =
    isRecord(template) && isRecord(template.Resources)
      ? template.Resources
      : {};
  for (const resource of Object.values(resources)) {
    if (!isRecord(resource) || resource.Type !== 'AWS::CloudFormation::Stack')
      continue;
    const assetPath = isRecord(resource.Metadata)
      ? resource.Metadata['aws:asset:path']
      : undefined;
    if (typeof assetPath === 'string' && assetPath.endsWith('.json')) {
      const nested = path.join(directory, assetPath);
      const exists = await fs.stat(nested).then(
        s => s.isFile(),
        () => false,
      );
      if (exists) await addStackTemplate(builder, directory, nested, seen);
    }
  }
}
