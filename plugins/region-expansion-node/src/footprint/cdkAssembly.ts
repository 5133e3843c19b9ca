import fs from 'node:fs/promises';
import path from 'node:path';
import { FootprintBuilder } from './FootprintBuilder';
import { FootprintInputError } from './InputError';
import { addCloudFormationTemplate } from './cloudFormation';
import { isInside, realPath, realPathInside } from './fileSystem';
import { parseJsonText, readTextFile } from './readInput';
import { isRecord, isRegionCode } from './walk';

/**
 * Options of {@link addCdkAssembly}.
 *
 * @public
 */
export interface CdkAssemblyOptions {
  /** Largest file read, in bytes; default `MAX_INPUT_BYTES`. */
  maxFileBytes?: number;
}

interface AssemblyContext {
  builder: FootprintBuilder;
  /** Real path of the top assembly folder: nothing is read outside it. */
  root: string;
  regions: Map<string, string[]>;
  seen: Set<string>;
  maxFileBytes?: number;
}

/**
 * Adds every stack of a CDK cloud assembly (`cdk.out`) to a footprint: the
 * stacks named in `manifest.json`, nested stacks (`AWS::CloudFormation::Stack`
 * whose `aws:asset:path` is a template in the assembly) and nested assemblies
 * (stages). Stacks deployed to more than one explicit Region are reported as
 * cross-Region.
 *
 * Every file the manifests name (`templateFile`, `directoryName`,
 * `aws:asset:path`) must resolve, symbolic links followed, inside the
 * assembly folder; otherwise a {@link FootprintInputError} names the
 * manifest and the field.
 *
 * @public
 */
export async function addCdkAssembly(
  builder: FootprintBuilder,
  directory: string,
  options: CdkAssemblyOptions = {},
): Promise<void> {
  const context: AssemblyContext = {
    builder,
    root: await realPath(directory),
    regions: new Map(),
    seen: new Set(),
    maxFileBytes: options.maxFileBytes,
  };
  await addAssembly(context, directory, new Set());
  const { regions } = context;
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

/**
 * `relative` joined to `base`, refused unless it stays inside the assembly:
 * first by its name (no `..` out, no absolute path), then by its real path.
 */
async function insideAssembly(
  context: AssemblyContext,
  base: string,
  relative: string,
  manifest: string,
  field: string,
): Promise<{ shown: string; real: string }> {
  const shown = path.join(base, relative);
  if (
    path.isAbsolute(relative) ||
    !isInside(path.resolve(base), path.resolve(shown)) ||
    !isInside(context.root, path.resolve(await realPath(base), relative))
  ) {
    throw new FootprintInputError({
      file: manifest,
      field,
      problem: 'points outside the cloud assembly',
    });
  }
  const exists = await fs.lstat(shown).then(
    () => true,
    () => false,
  );
  if (!exists) {
    // Inside the assembly by name, so naming it shows nothing outside.
    throw new FootprintInputError({
      file: manifest,
      field,
      problem: `'${path.relative(
        base,
        shown,
      )}' does not exist in the cloud assembly`,
    });
  }
  const real = await realPathInside({
    file: shown,
    root: context.root,
    rootName: 'cloud assembly',
    reportAs: manifest,
    field,
  });
  return { shown, real };
}

async function readJsonFile(
  context: AssemblyContext,
  file: string,
  shown: string,
): Promise<unknown> {
  // Read at its real path; errors name the path as the manifest spells it.
  return parseJsonText(
    await readTextFile(file, context.maxFileBytes, shown),
    shown,
  );
}

async function addAssembly(
  context: AssemblyContext,
  directory: string,
  active: Set<string>,
): Promise<void> {
  const manifestFile = path.join(directory, 'manifest.json');
  const manifestReal = await realPathInside({
    file: manifestFile,
    root: context.root,
    rootName: 'cloud assembly',
  });
  if (active.has(manifestReal)) {
    throw new FootprintInputError({
      file: manifestFile,
      problem: 'nested assemblies form a loop',
    });
  }
  const manifest = await readJsonFile(context, manifestReal, manifestFile);
  if (!isRecord(manifest) || !isRecord(manifest.artifacts)) {
    throw new FootprintInputError({
      file: manifestFile,
      field: 'artifacts',
      problem: 'not a CDK cloud assembly manifest',
    });
  }
  const nestedActive = new Set(active).add(manifestReal);
  for (const [name, artifact] of Object.entries(manifest.artifacts)) {
    if (!isRecord(artifact) || !isRecord(artifact.properties)) continue;
    const field = `artifacts.${name}.properties`;
    if (
      artifact.type === 'cdk:cloud-assembly' &&
      typeof artifact.properties.directoryName === 'string'
    ) {
      const nested = await insideAssembly(
        context,
        directory,
        artifact.properties.directoryName,
        manifestFile,
        `${field}.directoryName`,
      );
      await addAssembly(context, nested.shown, nestedActive);
      continue;
    }
    if (artifact.type !== 'aws:cloudformation:stack') continue;
    const templateFile = artifact.properties.templateFile;
    if (typeof templateFile !== 'string') {
      throw new FootprintInputError({
        file: manifestFile,
        field: `${field}.templateFile`,
        problem: 'stack artifact has no templateFile',
      });
    }
    const template = await insideAssembly(
      context,
      directory,
      templateFile,
      manifestFile,
      `${field}.templateFile`,
    );
    const region =
      typeof artifact.environment === 'string'
        ? artifact.environment.split('/').pop()
        : undefined;
    if (isRegionCode(region)) {
      context.regions.set(region, [
        ...(context.regions.get(region) ?? []),
        template.shown,
      ]);
    }
    await addStackTemplate(context, directory, template);
  }
}

async function addStackTemplate(
  context: AssemblyContext,
  directory: string,
  file: { shown: string; real: string },
): Promise<void> {
  if (context.seen.has(file.real)) return;
  context.seen.add(file.real);
  const template = await readJsonFile(context, file.real, file.shown);
  addCloudFormationTemplate(context.builder, template, file.shown);
  const resources =
    isRecord(template) && isRecord(template.Resources)
      ? template.Resources
      : {};
  for (const [logicalId, resource] of Object.entries(resources)) {
    if (!isRecord(resource) || resource.Type !== 'AWS::CloudFormation::Stack')
      continue;
    const assetPath = isRecord(resource.Metadata)
      ? resource.Metadata['aws:asset:path']
      : undefined;
    if (typeof assetPath !== 'string' || !assetPath.endsWith('.json')) continue;
    const field = `Resources.${logicalId}.Metadata.aws:asset:path`;
    const exists = await fs.lstat(path.join(directory, assetPath)).then(
      () => true,
      () => false,
    );
    // A nested template left out of the assembly is not read; one that
    // points outside it is refused.
    if (!exists) {
      if (
        path.isAbsolute(assetPath) ||
        !isInside(path.resolve(directory), path.resolve(directory, assetPath))
      ) {
        throw new FootprintInputError({
          file: file.shown,
          field,
          problem: 'points outside the cloud assembly',
        });
      }
      continue;
    }
    const nested = await insideAssembly(
      context,
      directory,
      assetPath,
      file.shown,
      field,
    );
    await addStackTemplate(context, directory, nested);
  }
}
