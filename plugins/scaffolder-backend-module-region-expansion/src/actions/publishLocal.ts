import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { resolveInside } from '../domain/assessment';
import {
  copyFiles,
  listWorkspaceFiles,
  resolvePublishTarget,
} from '../domain/publish';
import { examples } from './publishLocal.examples';

/**
 * Options of {@link createPublishLocalAction}.
 *
 * @public
 */
export interface PublishLocalActionOptions {
  /** Absolute folder the generated code goes under (from config). */
  outputDirectory: string;
}

/**
 * `region-expansion:publish-local`: the embedded default publisher. Copies
 * the workspace (or a folder of it) to `<outputDirectory>/<name>/`,
 * replacing an earlier copy, and refuses names that escape the output
 * directory. Production templates use `publish:github` instead. In a dry run
 * it only reports the path.
 *
 * @public
 */
export function createPublishLocalAction(options: PublishLocalActionOptions) {
  return createTemplateAction({
    id: 'region-expansion:publish-local',
    description:
      'Copies the generated files into the local folder named in config (regionExpansion.scaffolder.outputDirectory)',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z.string().describe('Folder name under the output directory'),
        sourcePath: z =>
          z
            .string()
            .default('.')
            .describe('Folder inside the workspace to publish'),
      },
      output: {
        path: z => z.string().describe('Absolute path of the published folder'),
        files: z =>
          z.array(z.string()).describe('Files published, relative to path'),
      },
    },
    async handler(ctx) {
      const target = resolvePublishTarget(
        options.outputDirectory,
        ctx.input.name,
      );
      const source = resolveInside(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
        'sourcePath',
      );
      const files = await listWorkspaceFiles(source);
      ctx.output('path', target);
      ctx.output('files', files);
      if (ctx.isDryRun) {
        ctx.logger.info(
          `Dry run: would publish ${files.length} files to ${target}`,
        );
        return;
      }
      await ctx.checkpoint({
        key: `region-expansion.publish-local.${ctx.input.name}`,
        fn: async () => {
          await copyFiles(source, target, files);
        },
      });
      ctx.logger.info(`Published ${files.length} files to ${target}`);
    },
  });
}
