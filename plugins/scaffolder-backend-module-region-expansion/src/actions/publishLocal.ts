import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import {
  checkPublishTarget,
  listWorkspaceFiles,
  publishFiles,
  resolvePublishSource,
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
 * the workspace (or a folder of it) to a new folder
 * `<outputDirectory>/<name>/` and refuses names that escape the output
 * directory. Like `publish:github` with an existing repository, it fails
 * (naming `name` and the existing path) when another run already published
 * different files under that name, and never deletes them; publishing the
 * same files again is a no-op. Production templates use `publish:github`
 * instead. In a dry run it only checks and reports the path.
 *
 * @public
 */
export function createPublishLocalAction(options: PublishLocalActionOptions) {
  return createTemplateAction({
    id: 'region-expansion:publish-local',
    description:
      'Copies the generated files into a new folder <name> under the local folder named in config (regionExpansion.scaffolder.outputDirectory). Fails, naming the existing path, when another run already published different files under that name; it never replaces them. Publishing the same files again changes nothing.',
    examples,
    supportsDryRun: true,
    schema: {
      input: {
        name: z =>
          z
            .string()
            .describe(
              'Folder name under the output directory; must not be taken by another run',
            ),
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
      const source = await resolvePublishSource(
        ctx.workspacePath,
        ctx.input.sourcePath ?? '.',
      );
      const files = await listWorkspaceFiles(source);
      if (ctx.isDryRun) {
        await checkPublishTarget(source, target, files);
        ctx.output('path', target);
        ctx.output('files', files);
        ctx.logger.info(
          `Dry run: would publish ${files.length} files to ${target}`,
        );
        return;
      }
      // A resumed task skips a publish it already finished; a retry after a
      // crash finds either nothing or these very files at the target.
      const outcome = await ctx.checkpoint({
        key: `region-expansion.publish-local.${ctx.input.name}`,
        fn: async () => publishFiles(source, target, files),
      });
      ctx.output('path', target);
      ctx.output('files', files);
      ctx.logger.info(
        outcome === 'unchanged'
          ? `${target} already holds these ${files.length} files; nothing changed`
          : `Published ${files.length} files to ${target}`,
      );
    },
  });
}
